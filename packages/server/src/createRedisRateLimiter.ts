import type { RateLimit, RateLimiter } from './rateLimiter'
import { RateLimiterUnavailableError } from './rateLimiterUnavailableError'

/** A `redis` (node-redis v4/v5) client: `eval(script, { keys, arguments })`. */
export interface NodeRedisClientLike {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
  readonly isReady?: boolean
}

/** An `ioredis` client: `eval(script, numKeys, ...keysThenArgs)`; told apart by its `defineCommand`. */
export interface IoRedisClientLike {
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>
  defineCommand(name: string, definition: { numberOfKeys?: number; lua: string }): void
  readonly status?: string
}

/** Any other store that runs Redis Lua (a proxy, a test double): one method. */
export interface RedisScriptRunner {
  runScript(script: string, keys: string[], args: string[]): Promise<unknown>
}

/** What {@link createRedisRateLimiter} accepts as `client`. */
export type RedisRateLimiterClient = NodeRedisClientLike | IoRedisClientLike | RedisScriptRunner

/**
 * Options of {@link createRedisRateLimiter}.
 *
 * @example
 * const options: RedisRateLimiterOptions = { client: redis, prefix: 'usersig:', max: 10, windowMs: 60_000 }
 */
export interface RedisRateLimiterOptions extends RateLimit {
  /** A connected `redis` or `ioredis` client, or a {@link RedisScriptRunner}. */
  readonly client: RedisRateLimiterClient
  /** Key prefix, so several apps or limits can share one database. Default `'usersig:rl:'`. */
  readonly prefix?: string | undefined
  /** How long one count may take before the store counts as unavailable (ms). Default 1000. */
  readonly timeoutMs?: number | undefined
  /** `Retry-After` of the 503 while the store is unavailable (ms). Default 5000. */
  readonly retryAfterMs?: number | undefined
}

// One round trip, atomic on the server: count, start the window on the first hit (and repair a key that lost
// its expiry), answer 0 or the window's remaining ms.
const SCRIPT = `local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
if count <= tonumber(ARGV[2]) then return 0 end
if ttl < 1 then return 1 end
return ttl`

// ioredis reports these while it has no usable connection; a command sent now would wait in its offline queue.
const IOREDIS_DOWN = new Set(['connecting', 'reconnecting', 'close', 'end'])

/**
 * A fixed-window {@link RateLimiter} in Redis, shared by every instance that uses the same database and prefix:
 * `max` UserSigs per user per `windowMs`, counted atomically by one Lua script (INCR + PEXPIRE). Works with
 * `redis` (node-redis v4/v5) and `ioredis` clients. When Redis is down, slow or answers nonsense, `take` rejects
 * with {@link RateLimiterUnavailableError} and the handler answers 503 with `Retry-After`: never a free pass.
 * Turn the client's offline queue off, so counts of refused requests do not pile up for when Redis is back.
 *
 * @example
 * import { createClient } from 'redis'
 * const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true }).connect()
 * const rateLimit = createRedisRateLimiter({ client: redis, max: 10, windowMs: 60_000 })
 * createUserSigHandler({ sdkAppId, secretKey, expiresIn, authorize, rateLimit })
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { client, prefix = 'usersig:rl:', max, windowMs, timeoutMs = 1000, retryAfterMs = 5000 } = options
  if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a whole number >= 1')
  if (!Number.isInteger(windowMs) || windowMs < 1)
    throw new RangeError('windowMs must be a whole number of ms >= 1')
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError('timeoutMs must be > 0')
  if (!Number.isFinite(retryAfterMs) || retryAfterMs <= 0) throw new RangeError('retryAfterMs must be > 0')
  if (typeof prefix !== 'string') throw new TypeError('prefix must be a string')
  const run = scriptRunner(client)
  const args = [String(windowMs), String(max)]
  const unavailable = (message: string, cause?: unknown) =>
    new RateLimiterUnavailableError(message, { retryAfterMs, cause })

  return {
    async take(key) {
      if (isDown(client)) throw unavailable('redis rate limiter: the client is not connected')
      let timer: ReturnType<typeof setTimeout> | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(unavailable(`redis rate limiter: no answer in ${timeoutMs} ms`)),
          timeoutMs,
        )
      })
      let answer: unknown
      try {
        answer = await Promise.race([run(SCRIPT, [prefix + key], args), timeout])
      } catch (error) {
        if (error instanceof RateLimiterUnavailableError) throw error
        throw unavailable(
          `redis rate limiter: ${error instanceof Error ? error.message : 'the command failed'}`,
          error,
        )
      } finally {
        clearTimeout(timer)
      }
      const waitMs = typeof answer === 'string' ? Number(answer) : answer
      if (typeof waitMs !== 'number' || !Number.isFinite(waitMs) || waitMs < 0) {
        throw unavailable('redis rate limiter: the script answered something other than a number')
      }
      return waitMs
    },
  }
}

function scriptRunner(client: RedisRateLimiterClient): RedisScriptRunner['runScript'] {
  if (typeof client !== 'object' || client === null)
    throw new TypeError('client must be a redis or ioredis client')
  if ('runScript' in client && typeof client.runScript === 'function') return client.runScript.bind(client)
  if (typeof (client as { eval?: unknown }).eval !== 'function') {
    throw new TypeError('client must be a redis or ioredis client')
  }
  if ('defineCommand' in client && typeof client.defineCommand === 'function') {
    const io = client as IoRedisClientLike
    return (script, keys, args) => io.eval(script, keys.length, ...keys, ...args)
  }
  const node = client as NodeRedisClientLike
  return (script, keys, args) => node.eval(script, { keys, arguments: args })
}

/** True when the client itself says it has no connection, so a command would only queue. */
function isDown(client: RedisRateLimiterClient): boolean {
  if ('defineCommand' in client) return typeof client.status === 'string' && IOREDIS_DOWN.has(client.status)
  return 'isReady' in client && client.isReady === false
}
