/** Per-key fixed-window counter: `max` requests per `windowMs`. */
export interface RateLimit {
  /** Requests allowed per user in one window. */
  readonly max: number
  /** Window length in milliseconds. */
  readonly windowMs: number
}

export interface RateLimiter {
  /** Counts one request for `key`; returns 0 when allowed, else the milliseconds until the next one is. */
  take(key: string, now: number): number
}

/** Windows are swept once the map holds this many keys, so memory stays bounded by active users. */
const SWEEP_AT = 1024

/**
 * A small in-memory limiter (one process). Behind several instances, put a shared limiter in front instead.
 *
 * @example
 * const limiter = createRateLimiter({ max: 10, windowMs: 60_000 })
 * const waitMs = limiter.take('alice', Date.now()) // 0: go ahead
 */
export function createRateLimiter({ max, windowMs }: RateLimit): RateLimiter {
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
