#!/usr/bin/env node
// Every README (the root's and each package's) starts with an Install section whose `pnpm add` lines name
// the packages a user needs: each @chat-session package named brings its peers along (on a command line, or
// in backticks in the section for a peer the app already has), and nothing else from outside the kit.
// A peer added, dropped or renamed in a package.json without its README fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const manifests = new Map()
for (const dir of readdirSync('packages')) {
  const manifest = JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8'))
  manifests.set(manifest.name, { dir, manifest })
}
const readmes = [
  { file: 'README.md', own: null },
  ...[...manifests].map(([name, { dir }]) => ({ file: join('packages', dir, 'README.md'), own: name })),
]

const problems = []
for (const { file, own } of readmes) {
  if (!existsSync(file)) {
    problems.push(`${file} is missing`)
    continue
  }
  const text = readFileSync(file, 'utf8')
  const headings = [...text.matchAll(/^## (.+)$/gm)]
  if (headings[0]?.[1].trim() !== 'Install') {
    problems.push(`${file}: the first section is "${headings[0]?.[1] ?? 'none'}", not "Install"`)
    continue
  }
  const start = headings[0].index
  const section = text.slice(start, headings[1]?.index ?? text.length)
  const named = new Set(installedNames(section))
  const kit = [...named].filter((name) => manifests.has(name))
  if (own && !named.has(own)) problems.push(`${file}: the Install section does not install ${own}`)
  const peersOfKit = new Set()
  for (const name of kit) {
    const { peerDependencies = {}, peerDependenciesMeta = {} } = manifests.get(name).manifest
    for (const peer of Object.keys(peerDependencies)) {
      peersOfKit.add(peer)
      const optional = peerDependenciesMeta[peer]?.optional === true
      if (!optional && !named.has(peer) && !section.includes(`\`${peer}\``)) {
        problems.push(`${file}: ${name} needs its peer ${peer}, which the Install section does not name`)
      }
    }
  }
  for (const name of named) {
    if (!manifests.has(name) && !peersOfKit.has(name)) {
      problems.push(
        `${file}: the Install section installs ${name}, which no package named there has as a peer`,
      )
    }
  }
  console.log(`${file}: ${[...named].join(' ')}`)
}

for (const p of problems) console.log(`FAIL ${p}`)
console.log(`${readmes.length} READMEs checked, ${problems.length} problems`)
process.exit(problems.length ? 1 : 0)

/** Package names on the `pnpm add` / `npm install` / `yarn add` lines of a Markdown section's code blocks. */
function installedNames(section) {
  const names = []
  for (const [, block] of section.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block.split('\n')) {
      const command = line.replace(/#.*$/, '').trim()
      const match = command.match(/^(?:pnpm add|npm install|npm i|yarn add)\s+(.*)$/)
      if (!match) continue
      for (const word of match[1].split(/\s+/)) {
        if (word && !word.startsWith('-')) names.push(word.replace(/(?<=.)@[^/]*$/, ''))
      }
    }
  }
  return names
}
