/**
 * A real `redis-server` process on loopback for the tests: a free port, no persistence, stopped by the test.
 * CI installs the Debian package (scripts/bootstrap.sh); elsewhere the tests skip with the reason below, except
 * under `CI=1`, where a missing redis-server fails the run instead of hiding the tests.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createServer } from 'node:net'

export const REDIS_SERVER_BIN = findRedisServer()
export const NO_REDIS_REASON =
  'redis-server is not installed (apt-get install redis-server, or set REDIS_SERVER_BIN): the Redis limiter tests need a real one'

if (!REDIS_SERVER_BIN && process.env.CI) {
  throw new Error(`CI must run the Redis tests: ${NO_REDIS_REASON}`)
}

export interface RedisServer {
  readonly port: number
  readonly url: string
  /** Kills the process (SIGKILL: Redis "goes away", no goodbye). */
  stop(): Promise<void>
  /** Starts it again on the same port, empty (no-op while it runs). */
  start(): Promise<void>
  /** SIGSTOP / SIGCONT: a Redis that hangs without closing its sockets. */
  freeze(): void
  thaw(): void
}

export async function startRedisServer(): Promise<RedisServer> {
  if (!REDIS_SERVER_BIN) throw new Error(NO_REDIS_REASON)
  const bin = REDIS_SERVER_BIN
  const port = await freePort()
  let child: ChildProcess | undefined
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child && child.exitCode === null) return
      const proc = spawn(
        bin,
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--protected-mode',
          'yes',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      child = proc
      await new Promise<void>((resolve, reject) => {
        let out = ''
        const onData = (chunk: Buffer) => {
          out += chunk.toString()
          if (out.includes('Ready to accept connections')) {
            proc.stdout?.off('data', onData)
            resolve()
          }
        }
        proc.stdout?.on('data', onData)
        proc.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out.slice(-500)}`)))
      })
    },
    freeze() {
      child?.kill('SIGSTOP')
    },
    thaw() {
      child?.kill('SIGCONT')
    },
    async stop() {
      const proc = child
      child = undefined
      if (!proc || proc.exitCode !== null) return
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
      proc.kill('SIGKILL')
      await exited
    },
  }
  await server.start()
  return server
}

function findRedisServer(): string | undefined {
  const fromEnv = process.env.REDIS_SERVER_BIN
  if (fromEnv) return fromEnv
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || undefined
  } catch {
    return undefined
  }
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  if (typeof address !== 'object' || address === null) throw new Error('no free port')
  return address.port
}
