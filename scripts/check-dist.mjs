#!/usr/bin/env node
// What each package's built dist/ promises a consumer, checked after `pnpm build`:
// - every package a shipped .js or .d.ts imports (or require.resolve()s) is one of its dependencies or
//   peerDependencies (or a node: builtin), so an install without the workspace finds it;
// - no .d.ts carries another package's declarations inlined (a `//#region …/node_modules/…` bundle), which
//   the consumer's compiler would then check as ours;
// - every `sourceMappingURL` names a file that is shipped, and every source a map names is shipped too.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'

const builtins = new Set(builtinModules)
const problems = []
let checked = 0

for (const name of readdirSync('packages')) {
  const dir = join('packages', name)
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const allowed = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ])
  const shipped = (file) => (manifest.files ?? []).some((f) => !relative(join(dir, f), file).startsWith('..'))
  const dist = join(dir, 'dist')
  if (!existsSync(dist)) {
    problems.push(`${dir}: no dist/ (run pnpm build first)`)
    continue
  }
  for (const file of walk(dist)) {
    if (!/\.(js|d\.ts)$/.test(file)) continue
    checked++
    const code = readFileSync(file, 'utf8')
    for (const spec of importedPackages(withoutComments(code))) {
      if (spec.startsWith('node:') || builtins.has(spec)) continue
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
      if (!allowed.has(pkg)) {
        problems.push(
          `${file} imports ${spec}, which ${manifest.name} does not list in dependencies or peers`,
        )
      }
    }
    const inlined = code.match(/^\/\/#region (.*node_modules\/.*)$/m)
    if (inlined) problems.push(`${file} inlines declarations from ${inlined[1]}`)
    const url = code.match(/^\/\/# sourceMappingURL=(.+)$/m)?.[1]
    if (url) {
      const map = resolve(dirname(file), url)
      if (!existsSync(map) || !shipped(map)) {
        problems.push(`${file} names the source map ${url}, which is not shipped`)
        continue
      }
      for (const source of JSON.parse(readFileSync(map, 'utf8')).sources ?? []) {
        const path = resolve(dirname(map), source)
        if (!existsSync(path) || !shipped(path)) problems.push(`${map} names ${source}, which is not shipped`)
      }
    }
  }
}

for (const p of problems) console.log(`FAIL ${p}`)
console.log(`${checked} files in packages/*/dist checked, ${problems.length} problems`)
process.exit(problems.length ? 1 : 0)

function* walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) yield* walk(path)
    else yield path
  }
}

/** JSDoc examples import things too; only code counts. */
function withoutComments(code) {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
}

/** Bare specifiers of static imports and re-exports, `import()` types and calls, require() and require.resolve(). */
function importedPackages(code) {
  const specs = new Set()
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\sfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire(?:\.resolve)?\(\s*["']([^"']+)["']\s*\)/g,
  ]
  for (const pattern of patterns) {
    for (const [, spec] of code.matchAll(pattern)) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) specs.add(spec)
    }
  }
  return specs
}
