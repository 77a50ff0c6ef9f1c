/**
 * Thrown (or rejected) by a {@link RateLimiter} whose store cannot count right now (Redis down, a timeout).
 * The handler answers `503 unavailable` with `Retry-After` instead of signing: a limiter that cannot count never
 * waves a request through. Other throws stay `500 internal`.
 *
 * @example
 * const limiter: RateLimiter = {
 *   async take(userID) {
 *     if (!store.ready) throw new RateLimiterUnavailableError('store offline', { retryAfterMs: 2_000 })
 *     return store.count(userID)
 *   },
 * }
 */
export class RateLimiterUnavailableError extends Error {
  override readonly name = 'RateLimiterUnavailableError'
  /** How long the client should wait before trying again, in ms (the `Retry-After` of the 503). */
  readonly retryAfterMs: number

  constructor(message: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    const { retryAfterMs = 5_000 } = options
    this.retryAfterMs = Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs : 5_000
  }
}
