#!/usr/bin/env node
// Where the bytes of @chat-session/core go. Reads the built bundle (`pnpm build` first) and its source map,
// attributes every minified byte to the source file it came from, and prints, per file, what removing that
// file's code would save after gzip (its marginal cost). Also prints what the bundle's distinct words of four or
// more characters (names, strings, keywords) gzip to on their own: a floor no rewrite of the logic goes below.
//
//   node scripts/core-size.mjs
//
// gzip -9 of the file as shipped; size-limit (`pnpm size`) re-bundles with esbuild first, so its number is a
// little higher.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { gzipSync } from 'node:zlib'
import { decode } from '@jridgewell/sourcemap-codec'

const dist = new URL('../packages/core/dist/', import.meta.url)
const code = readFileSync(new URL('index.js', dist), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '')
const map = JSON.parse(readFileSync(new URL('index.js.map', dist), 'utf8'))
const gz = (text) => gzipSync(text, { level: 9 }).length

// Owner (source index) of every character of the bundle; -1 for bytes no mapping covers.
const lines = code.split('\n')
const owner = []
decode(map.mappings).forEach((segments, line) => {
  const text = lines[line] ?? ''
  const row = new Array(text.length + 1).fill(-1)
  segments.forEach((segment, i) => {
    const end = segments[i + 1]?.[0] ?? text.length
    if (segment.length >= 4) row.fill(segment[1], segment[0], end)
  })
  owner.push(...row.slice(0, text.length), -1) // the newline
})

const total = gz(code)
const rows = map.sources.map((source, index) => {
  let kept = ''
  let own = 0
  for (let i = 0; i < code.length; i++) {
    if (owner[i] === index) own++
    else kept += code[i]
  }
  return { file: basename(source), minified: own, marginal: total - gz(kept) }
})
rows.sort((a, b) => b.marginal - a.marginal)

const words = [...new Set(code.match(/[A-Za-z_$][\w$-]{3,}/g))]
console.log(`@chat-session/core dist/index.js: ${code.length} B minified, ${total} B gzip -9\n`)
console.log('file                     minified  gzip (marginal)')
for (const r of rows) {
  if (r.minified > 0)
    console.log(`${r.file.padEnd(24)} ${String(r.minified).padStart(8)}  ${String(r.marginal).padStart(6)}`)
}
console.log(
  `\n${words.length} distinct words of 4+ characters gzip to ${gz(words.join(' '))} B on their own.`,
)
