#!/usr/bin/env node
// Runs every check and test of the workspace, then prints one line: `N passed, N failed[, N skipped]`.
// Test counts come from the runners' JSON reports; each non-test check (lint, typecheck, api-docs, build, dist, install-docs, size, publint, attw) counts as one.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

const reports = 'reports'
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }
const totals = { passed: 0, failed: 0, skipped: 0 }
const failures = []

function run(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env })
  return r.status === 0
}

function check(name, cmd, args) {
  if (run(name, cmd, args)) totals.passed++
  else {
    totals.failed++
    failures.push(name)
  }
}

/** Counts a Vitest JSON report; a runner that failed without reporting counts as one failure. */
function vitest(name, args) {
  const out = `${reports}/${name}.json`
  const ok = run(name, 'pnpm', [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    `--reporter=json`,
    `--outputFile.json=${out}`,
    ...args,
  ])
  if (!existsSync(out)) {
    totals.failed++
    failures.push(`${name} (no report)`)
    return
  }
  const r = JSON.parse(readFileSync(out, 'utf8'))
  totals.passed += r.numPassedTests
  totals.failed += r.numFailedTests
  totals.skipped += r.numPendingTests + r.numTodoTests
  if (r.numFailedTests > 0) failures.push(`${name}: ${r.numFailedTests} failed`)
  if (!ok && r.numFailedTests === 0) {
    // A suite that failed to load, an unhandled error, or a threshold: no test failed but the run did.
    totals.failed++
    failures.push(`${name} (run failed)`)
  }
}

/**
 * Counts a Playwright JSON report (stats: expected = passed, unexpected = failed, flaky, skipped), written to
 * reports/<name>.json by `command` (Playwright itself, or a script that sets up an app and then runs it).
 */
function playwright(name, args, command = ['pnpm', 'exec', 'playwright', 'test']) {
  const out = `${reports}/${name}.json`
  const ok = run(name, command[0], [...command.slice(1), ...args])
  if (!existsSync(out)) {
    totals.failed++
    failures.push(`${name} (no report)`)
    return
  }
  const { stats } = JSON.parse(readFileSync(out, 'utf8'))
  totals.passed += stats.expected + stats.flaky
  totals.failed += stats.unexpected
  totals.skipped += stats.skipped
  if (stats.unexpected > 0) failures.push(`${name}: ${stats.unexpected} failed`)
  if (!ok && stats.unexpected === 0) {
    totals.failed++
    failures.push(`${name} (run failed)`)
  }
}

check('lint', 'pnpm', ['exec', 'biome', 'ci', '--colors=off', '.'])
check('typecheck', 'pnpm', ['exec', 'tsc', '-b'])
check('api-docs', 'node', ['scripts/check-api-docs.mjs'])
// The root script, as a user runs it: npm hands it to a shell, which would expand an unquoted glob.
check('build', 'sh', ['-c', 'npm run build'])
check('dist', 'node', ['scripts/check-dist.mjs'])
check('install-docs', 'node', ['scripts/check-install-docs.mjs'])
check('size', 'node', ['scripts/check-size.mjs'])
// What consumers install: the packed tarball's exports, types and files (publint --strict, one check per package).
for (const pkg of readdirSync('packages')) {
  check(`publint ${pkg}`, 'pnpm', ['--dir', `packages/${pkg}`, 'exec', 'publint', '--strict'])
}
// The same tarballs as TypeScript and bundlers resolve them (ESM only; stylesheet entries have no types).
for (const pkg of readdirSync('packages')) {
  const { exports = {} } = JSON.parse(readFileSync(`packages/${pkg}/package.json`, 'utf8'))
  const css = Object.keys(exports).filter((entry) => entry.endsWith('.css'))
  const exclude = css.length ? ['--exclude-entrypoints', ...css] : []
  check(`attw ${pkg}`, 'pnpm', [
    'exec',
    'attw',
    '--pack',
    `packages/${pkg}`,
    '--profile',
    'esm-only',
    ...exclude,
  ])
}
// Node and jsdom projects first, then the real-Chromium ones in their own run: on two cores, running both
// at once starves the timing-sensitive scenario tests.
const browserProjects = [
  'react-browser',
  'react18-browser',
  'contract-browser',
  'storybook',
  'storybook-react18',
]
vitest(
  'vitest',
  browserProjects.flatMap((p) => ['--project', `!${p}`]),
)
vitest(
  'vitest-browser',
  browserProjects.flatMap((p) => ['--project', p]),
)
check('storybook-build', 'pnpm', ['exec', 'storybook', 'build', '--quiet', '-o', 'storybook-static'])
playwright('playwright', [])
// A fresh Vite app outside the repository, installed from the packed tarballs and the READMEs' Install lines.
playwright('fresh-app', ['--skip-build'], ['node', 'scripts/fresh-app/run.mjs'])
// The Next.js example (on the packages' dist, built above): `next build` must create no SDK instance and open
// no socket (one check), then its own Playwright run against `next start` (reports/playwright-next.json).
check('next-example build', 'node', ['apps/next-example/scripts/guardedBuild.mjs'])
playwright('playwright-next', ['-c', 'apps/next-example/playwright.config.ts'])

const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`
writeFileSync(`${reports}/summary.json`, JSON.stringify({ ...totals, failures, line }))
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`)
console.log(line)
process.exit(totals.failed > 0 ? 1 : 0)
