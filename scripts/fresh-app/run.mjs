#!/usr/bin/env node
// A new user's app, outside the repository: packs the four packages (`pnpm pack`), creates a Vite + React 19 +
// TypeScript (strict) app in the system temp dir from template/ (its code follows the READMEs), installs it
// with npm from the tarballs and the registry (the package names from the root README's Install section,
// no workspace links), type-checks it with skipLibCheck off, builds it, serves it with the UserSig endpoint
// and the local gateway, and runs its Playwright test in Chromium. Report: reports/fresh-app.json.
//
//   node scripts/fresh-app/run.mjs [--skip-build] [--keep] [--compare-alias]
//
// --skip-build: the packages' dist/ is current (test-all builds first); --keep: leave the temp dir;
// --compare-alias: also build without the SDK alias and print both bundle sizes.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = fileURLToPath(new URL('../..', import.meta.url))
const here = fileURLToPath(new URL('.', import.meta.url))
const flags = new Set(process.argv.slice(2))
const SDK_APP_ID = '1400000777'
const SECRET_KEY = 'fresh-app-dev-secret'
const started = Date.now()
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }

rmSync(join(root, 'reports', 'fresh-app.json'), { force: true })
const work = mkdtempSync(join(tmpdir(), 'chat-session-fresh-app-'))
const app = join(work, 'app')
const tarballDir = join(work, 'tarballs')
mkdirSync(tarballDir)

try {
  if (!flags.has('--skip-build')) step('build the packages', 'pnpm', ['build'], { cwd: root })

  const tarballs = new Map()
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    const manifest = readJson(join(root, 'packages', dir, 'package.json'))
    let missing = pack(dir, manifest, tarballs)
    if (missing.length) {
      // The working tree is shared: another build may have been cleaning this dist/ just then. Once more.
      console.log(`  ${manifest.name}: the tarball lacks ${missing.join(', ')}; rebuilding it`)
      step(`build ${manifest.name}`, 'pnpm', ['build'], { cwd: join(root, 'packages', dir), quiet: true })
      missing = pack(dir, manifest, tarballs)
      if (missing.length) fail(`the ${manifest.name} tarball lacks ${missing.join(', ')}`)
    }
  }

  cpSync(join(here, 'template'), app, { recursive: true })
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(appManifest(tarballs), null, 2)}\n`)
  // --legacy-peer-deps: npm would otherwise install missing peers by itself, hiding a README that forgot one.
  step(
    'npm install',
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--legacy-peer-deps'],
    {
      cwd: app,
    },
  )

  typecheck('tsconfig.json', 'the app')
  typecheck('tsconfig.server.json', 'its server')

  const [port, gatewayPort] = await Promise.all([freePort(), freePort()])
  const buildEnv = { VITE_SDK_APP_ID: SDK_APP_ID, VITE_CHAT_PROXY_SERVER: `ws://127.0.0.1:${gatewayPort}` }
  step('vite build', 'node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { cwd: app, env: buildEnv })
  const bundle = measure(join(app, 'dist'))
  console.log(`  app bundle (SDK via the README's alias): ${bundle}`)
  if (flags.has('--compare-alias')) compareWithoutAlias(buildEnv, bundle)
  for (const file of walk(join(app, 'dist'))) {
    if (readFileSync(file, 'utf8').includes(SECRET_KEY))
      fail(`the secret key is in the browser bundle: ${file}`)
  }

  const ok = step(
    'playwright (Chromium)',
    'pnpm',
    ['exec', 'playwright', 'test', '-c', join(here, 'playwright.config.ts')],
    {
      cwd: root,
      env: {
        FRESH_APP_DIR: app,
        FRESH_APP_PORT: String(port),
        GATEWAY_PORT: String(gatewayPort),
        SDK_APP_ID,
        CHAT_SECRET_KEY: SECRET_KEY,
      },
      allowFailure: true,
    },
  )
  finish(ok)
} catch (error) {
  console.error(error)
  finish(false)
}

function finish(ok) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (ok && !flags.has('--keep')) rmSync(work, { recursive: true, force: true })
  else console.log(`fresh app left in ${app}`)
  console.log(`fresh app: ${ok ? 'passed' : 'FAILED'} in ${seconds} s`)
  process.exit(ok ? 0 : 1)
}

/** Runs one step, prints its time, and stops the run when it fails (unless allowFailure). */
function step(name, cmd, args, { cwd, env: extra = {}, quiet = false, allowFailure = false }) {
  const t = Date.now()
  console.log(`\n--- ${name}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { cwd, env: { ...env, ...extra }, stdio: quiet ? 'pipe' : 'inherit' })
  console.log(
    `--- ${name}: ${r.status === 0 ? 'ok' : `exit ${r.status}`} (${((Date.now() - t) / 1000).toFixed(1)} s)`,
  )
  if (r.status !== 0 && !allowFailure) {
    if (quiet) process.stderr.write(r.stderr ?? '')
    fail(`${name} failed`)
  }
  return r.status === 0
}

/** Packs one package; answers the files its exports map names that the tarball does not hold. */
function pack(dir, manifest, tarballs) {
  const before = new Set(readdirSync(tarballDir))
  step(`pack ${manifest.name}`, 'pnpm', ['pack', '--pack-destination', tarballDir], {
    cwd: join(root, 'packages', dir),
    quiet: true,
  })
  const file = readdirSync(tarballDir).find((f) => !before.has(f))
  if (!file) fail(`pnpm pack wrote no tarball for ${manifest.name}`)
  tarballs.set(manifest.name, `file:../tarballs/${file}`)
  const listing = spawnSync('tar', ['tzf', join(tarballDir, file)], { encoding: 'utf8' }).stdout.split('\n')
  const inside = new Set(listing.map((f) => f.replace(/^package\//, '')))
  const targets = JSON.stringify(manifest.exports).match(/"\.\/dist\/[^"]+"/g) ?? []
  const missing = [...new Set(targets.map((t) => t.slice(3, -1)))].filter((t) => !inside.has(t))
  if (missing.length) rmSync(join(tarballDir, file))
  return missing
}

function fail(message) {
  throw new Error(message)
}

/**
 * The app's dependencies are the names the root README's Install section adds (`pnpm add`, `-D` for dev),
 * the kit's from the tarballs and the rest at the versions this repository tests with; the build tools are
 * the template's own (Vite, the React plugin, TypeScript, React's types).
 */
function appManifest(tarballs) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('\n## Install\n'))
  const install = section.slice(0, section.indexOf('\n## ', 1))
  const tested = {
    ...readJson(join(root, 'package.json')).devDependencies,
    ...readJson(join(root, 'apps', 'demo', 'package.json')).devDependencies,
    ...readJson(join(root, 'apps', 'demo', 'package.json')).dependencies,
  }
  const version = (name) => tarballs.get(name) ?? tested[name] ?? fail(`no tested version of ${name}`)
  const dependencies = {}
  const devDependencies = {}
  for (const [, block] of install.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block.split('\n')) {
      const words = line.replace(/#.*$/, '').trim().split(/\s+/)
      if (words[0] !== 'pnpm' || words[1] !== 'add') continue
      const target = words.includes('-D') ? devDependencies : dependencies
      for (const name of words.slice(2).filter((w) => !w.startsWith('-'))) target[name] = version(name)
    }
  }
  if (!dependencies['@chat-session/react']) fail('the root README installs no @chat-session/react')
  for (const tool of [
    'vite',
    '@vitejs/plugin-react',
    'typescript',
    '@types/react',
    '@types/react-dom',
    '@types/node',
  ]) {
    devDependencies[tool] = version(tool)
  }
  console.log(`  dependencies: ${Object.keys(dependencies).join(' ')}`)
  console.log(`  devDependencies: ${Object.keys(devDependencies).join(' ')}`)
  return {
    name: 'fresh-app',
    private: true,
    type: 'module',
    scripts: { build: 'vite build', typecheck: 'tsc --noEmit', start: 'node server.mjs' },
    dependencies,
    devDependencies,
  }
}

/**
 * `tsc --noEmit` with strict and skipLibCheck off: the app (bundler resolution) and its Node server (NodeNext,
 * which reads the kit's server and gateway declarations). @tencentcloud/chat 3.6.6's own index.d.ts does not
 * pass that (an implicit-any method and a `module` namespace), whoever imports it; every other diagnostic (the
 * app, the kit's declarations) fails the run.
 */
function typecheck(project, what) {
  const t = Date.now()
  console.log(`\n--- tsc --noEmit -p ${project} (${what}; strict, skipLibCheck: false)`)
  const r = spawnSync('node_modules/.bin/tsc', ['--noEmit', '-p', project], {
    cwd: app,
    env,
    encoding: 'utf8',
  })
  const lines = r.stdout.split('\n').filter((l) => /error TS\d+/.test(l))
  const sdk = lines.filter((l) => l.startsWith('node_modules/@tencentcloud/chat/'))
  const ours = lines.filter((l) => !sdk.includes(l))
  for (const l of ours) console.log(l)
  const codes = [...new Set(sdk.map((l) => l.match(/error (TS\d+)/)?.[1]))].join(', ')
  console.log(
    `  ${ours.length} errors in ${what} and the kit's declarations; ${sdk.length} in @tencentcloud/chat's own index.d.ts${codes ? ` (${codes})` : ''}`,
  )
  console.log(`--- tsc ${project}: ${((Date.now() - t) / 1000).toFixed(1)} s`)
  if (ours.length || (r.status !== 0 && lines.length === 0)) {
    process.stdout.write(r.stdout)
    fail(`${what} does not type-check (${project})`)
  }
}

/** Raw and gzip size of the largest JS chunk (the app, React, the kit and the SDK). */
function measure(dist) {
  const js = [...walk(dist)].filter((f) => f.endsWith('.js')).map((f) => readFileSync(f))
  const largest = js.sort((a, b) => b.length - a.length)[0]
  if (!largest) fail(`no JS in ${dist}`)
  return `${(largest.length / 1000).toFixed(1)} kB, ${(gzipSync(largest).length / 1000).toFixed(1)} kB gzip`
}

function compareWithoutAlias(buildEnv, withAlias) {
  writeFileSync(
    join(app, 'vite.noalias.config.mjs'),
    "import react from '@vitejs/plugin-react'\nexport default { plugins: [react()], build: { outDir: 'dist-noalias', chunkSizeWarningLimit: 2048 } }\n",
  )
  step('vite build without the alias', 'node_modules/.bin/vite', ['build', '-c', 'vite.noalias.config.mjs'], {
    cwd: app,
    env: buildEnv,
    quiet: true,
  })
  console.log(
    `  app bundle, plain default import: ${measure(join(app, 'dist-noalias'))}; with the alias: ${withAlias}`,
  )
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(path)
    else yield path
  }
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
