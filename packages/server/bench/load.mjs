#!/usr/bin/env node
/**
 * Bounded loopback load on the UserSig endpoint: two handler instances (two node:http servers) sharing one
 * Redis limiter, REQUESTS requests from USERS users spread over both, CONCURRENCY in flight. Reports throughput,
 * latency percentiles and whether the limit held exactly (per user: MAX answers 200, the rest 429).
 *
 *   pnpm --filter @chat-session/server bench        (or: node packages/server/bench/load.mjs)
 *   REQUESTS=2000 USERS=200 MAX=7 CONCURRENCY=64 REDIS_URL=redis://127.0.0.1:6390 node packages/server/bench/load.mjs
 *
 * Without REDIS_URL it starts its own redis-server on a free loopback port (no persistence) and stops it.
 * The package is bundled from src with esbuild into a temp dir, so no build (and no dist) is involved.
 * Exit code 1 when the limit did not hold exactly or any answer was neither 200 nor 429.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { createClient } from 'redis'

const here = dirname(fileURLToPath(import.meta.url))
const int = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number >= 1`)
  return value
}
const REQUESTS = int('REQUESTS', 2000)
const USERS = int('USERS', 200)
const MAX = int('MAX', 7)
const CONCURRENCY = int('CONCURRENCY', 64)
if (REQUESTS > 50_000) throw new RangeError('REQUESTS is capped at 50000: this is a bounded loopback check')

const out = mkdtempSync(join(tmpdir(), 'usersig-bench-'))
let redisProcess
const closers = []
try {
  await build({
    entryPoints: [join(here, '../src/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    outfile: join(out, 'server.mjs'),
    logLevel: 'error',
  })
  const { createUserSigHandler, createRedisRateLimiter, toNodeListener } = await import(
    pathToFileURL(join(out, 'server.mjs')).href
  )

  let url = process.env.REDIS_URL
  if (!url) {
    const port = await freePort()
    redisProcess = await startRedis(port)
    url = `redis://127.0.0.1:${port}`
  }

  const prefix = `bench:${process.pid}:${Date.now()}:`
  const instances = []
  for (let i = 0; i < 2; i++) {
    const client = await createClient({ url, disableOfflineQueue: true }).connect()
    closers.push(() => client.destroy())
    const handler = createUserSigHandler({
      sdkAppId: 1_400_000_001,
      secretKey: 'bench-secret-key-not-a-real-one-0123456789abcdef',
      expiresIn: 86_400,
      authorize: (_request, { userID }) => userID,
      rateLimit: createRedisRateLimiter({ client, prefix, max: MAX, windowMs: 10 * 60_000 }),
      logger: { warn() {}, error: (line) => console.error(line) },
    })
    const server = createServer({ keepAlive: true }, toNodeListener(handler))
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
    closers.push(
      () =>
        new Promise((resolve) => {
          server.closeAllConnections()
          server.close(resolve)
        }),
    )
    instances.push(`http://127.0.0.1:${server.address().port}/api/usersig`)
  }

  const users = Array.from({ length: USERS }, (_, i) => `user_${i}`)
  const perUser = new Map(users.map((u) => [u, { 200: 0, 429: 0, other: 0 }]))
  const latencies = new Float64Array(REQUESTS)
  let next = 0
  const started = performance.now()
  const worker = async () => {
    while (next < REQUESTS) {
      const i = next++
      const userID = users[i % USERS]
      const t0 = performance.now()
      const res = await fetch(instances[i % 2], {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userID }),
      })
      await res.arrayBuffer()
      latencies[i] = performance.now() - t0
      const counts = perUser.get(userID)
      if (res.status === 200 || res.status === 429) counts[res.status]++
      else counts.other++
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const seconds = (performance.now() - started) / 1000

  latencies.sort()
  const pct = (p) => latencies[Math.min(REQUESTS - 1, Math.ceil((p / 100) * REQUESTS) - 1)].toFixed(1)
  const expected200 = (u) =>
    Math.min(MAX, Math.floor(REQUESTS / USERS) + (users.indexOf(u) < REQUESTS % USERS ? 1 : 0))
  let exact = 0
  let ok = 0
  let limited = 0
  let other = 0
  for (const [u, c] of perUser) {
    ok += c[200]
    limited += c[429]
    other += c.other
    const sent = c[200] + c[429] + c.other
    if (c[200] === expected200(u) && c[429] === sent - expected200(u) && c.other === 0) exact++
  }
  const held = exact === USERS && other === 0
  console.log(
    [
      `usersig load: ${REQUESTS} requests, ${USERS} users, 2 instances sharing Redis (limit ${MAX} per user), ${CONCURRENCY} in flight, node ${process.version}`,
      `throughput: ${Math.round(REQUESTS / seconds)} req/s (${seconds.toFixed(2)} s)`,
      `latency ms: p50 ${pct(50)}, p90 ${pct(90)}, p99 ${pct(99)}, max ${latencies[REQUESTS - 1].toFixed(1)}`,
      `answers: ${ok} × 200, ${limited} × 429, ${other} other`,
      `limit held exactly: ${held ? 'yes' : 'NO'} (${exact}/${USERS} users got exactly their ${MAX} sigs and 429 for the rest)`,
    ].join('\n'),
  )
  process.exitCode = held ? 0 : 1
} finally {
  for (const close of closers.reverse()) await close()
  if (redisProcess) {
    const exited = new Promise((resolve) => redisProcess.once('exit', resolve))
    redisProcess.kill('SIGTERM')
    await exited
  }
  rmSync(out, { recursive: true, force: true })
}

async function freePort() {
  const probe = createNetServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}

function startRedis(port) {
  const bin = process.env.REDIS_SERVER_BIN ?? 'redis-server'
  const child = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  return new Promise((resolve, reject) => {
    let text = ''
    child.on('error', (error) =>
      reject(
        new Error(`cannot start ${bin}: ${error.message} (apt-get install redis-server, or set REDIS_URL)`),
      ),
    )
    child.stdout.on('data', (chunk) => {
      text += chunk
      if (text.includes('Ready to accept connections')) {
        child.stdout.removeAllListeners('data')
        child.stdout.resume()
        resolve(child)
      }
    })
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)))
  })
}
