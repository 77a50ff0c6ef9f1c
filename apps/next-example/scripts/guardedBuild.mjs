#!/usr/bin/env node
// `next build` of the example under scripts/buildGuard.cjs, then three checks: the build passed, it opened
// no WebSocket and no non-loopback socket (so it created no SDK instance), and the browser bundle holds no
// development secret. Run from anywhere: `node apps/next-example/scripts/guardedBuild.mjs`.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const app = fileURLToPath(new URL('..', import.meta.url))
const guard = join(app, 'scripts', 'buildGuard.cjs')
const log = join(app, '.next-build-guard.log')
rmSync(log, { force: true })

const started = performance.now()
const build = spawnSync('pnpm', ['exec', 'next', 'build'], {
  cwd: app,
  stdio: 'inherit',
  env: {
    ...process.env,
    // Telemetry would be a (legitimate) socket to the internet: off, so any socket left is the app's.
    NEXT_TELEMETRY_DISABLED: '1',
    // Local mode, which the e2e test runs against: the caller's cloud settings must not leak into this build.
    NEXT_PUBLIC_CHAT_SDK_APP_ID: '',
    NEXT_PUBLIC_CHAT_GATEWAY_URL: '',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(guard)}`.trim(),
    BUILD_GUARD_LOG: log,
  },
})
console.log(`next build: ${((performance.now() - started) / 1000).toFixed(1)} s`)

const problems = []
if (build.status !== 0) problems.push(`next build exited with ${build.status ?? build.signal}`)
if (existsSync(log)) {
  for (const line of readFileSync(log, 'utf8').trim().split('\n')) {
    const { pid, what, stack } = JSON.parse(line)
    problems.push(`process ${pid}: ${what}\n${stack}`)
  }
}
const { DEV_SECRET_KEY } = await readSecret()
for (const file of walk(join(app, '.next', 'static'))) {
  if (readFileSync(file, 'utf8').includes(DEV_SECRET_KEY))
    problems.push(`the development secret is in ${file}`)
}

if (problems.length) {
  console.error(`\nThe example's build is not clean:\n- ${problems.join('\n- ')}`)
  process.exit(1)
}
console.log('next build created no SDK instance, opened no socket, and left no secret in the browser bundle')

async function readSecret() {
  // The source is the truth: the constant is read from the file, not copied here.
  const source = readFileSync(join(app, 'lib', 'devSecret.ts'), 'utf8')
  const match = /DEV_SECRET_KEY = '([^']+)'/.exec(source)
  if (!match) throw new Error('DEV_SECRET_KEY not found in lib/devSecret.ts')
  return { DEV_SECRET_KEY: match[1] }
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* walk(path)
    else yield path
  }
}
