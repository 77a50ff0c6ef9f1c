/** Per-key fixed-window counter: `max` requests per `windowMs`. */
export interface RateLimit {
  /** Requests allowed per user in one window. */
  readonly max: number
  /** Window length in milliseconds. */
  readonly windowMs: number
}

/**
 * Counts UserSig requests per user. The built-in one ({@link createRateLimiter}) is in memory, per process;
 * behind several instances, pass one backed by a shared store (Redis, a database, the platform's KV).
 *
 * For Redis, use `createRedisRateLimiter`.
 *
 * @example
 * // A shared store of your own (here a KV with atomic increments).
 * const limiter: RateLimiter = {
 *   async take(userID, now) {
 *     const window = Math.floor(now / 60_000)
 *     const count = await kv.increment(`usersig:${userID}:${window}`, { ttlSeconds: 60 })
 *     return count <= 10 ? 0 : (window + 1) * 60_000 - now
 *   },
 * }
 * createUserSigHandler({ sdkAppId, secretKey, expiresIn, authorize, rateLimit: limiter })
 */
export interface RateLimiter {
  /**
   * Counts one request for `key` (the UserID) at `now` (Unix ms); answers 0 when it may go ahead, else the
   * milliseconds until the next one may. A limiter that throws or rejects fails the request: 503 with
   * `Retry-After` for a `RateLimiterUnavailableError` (its store is down), else 500. Never a free pass.
   */
  take(key: string, now: number): number | Promise<number>
}

/** Windows are swept once the map holds this many keys, so memory stays bounded by active users. */
const SWEEP_AT = 1024

/**
 * A small in-memory limiter (one process). Behind several instances, pass a {@link RateLimiter} backed by a
 * shared store instead.
 *
 * @example
 * const limiter = createRateLimiter({ max: 10, windowMs: 60_000 })
 * const waitMs = limiter.take('alice', Date.now()) // 0: go ahead
 */
export function createRateLimiter({ max, windowMs }: RateLimit): RateLimiter & {
  take(key: string, now: number): number
} {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('rateLimit.max must be a whole number >= 1')
  if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError('rateLimit.windowMs must be > 0')
  const windows = new Map<string, { start: number; count: number }>()
  return {
    take(key, now) {
      if (windows.size >= SWEEP_AT) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k)
      }
      const current = windows.get(key)
      if (!current || now - current.start >= windowMs) {
        windows.set(key, { start: now, count: 1 })
        return 0
      }
      if (current.count < max) {
        current.count++
        return 0
      }
      return current.start + windowMs - now
    },
  }
}
