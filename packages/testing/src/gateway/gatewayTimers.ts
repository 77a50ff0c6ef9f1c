/** The gateway's timers, kept in one set so `close()` can clear every one of them. */
export interface GatewayTimers {
  /** Runs `fn` after `ms`, unless cleared first. */
  later(ms: number, fn: () => void): NodeJS.Timeout
  /** Clears one timer made by `later`. */
  cancel(timer: NodeJS.Timeout): void
  /** Clears every pending timer. */
  clear(): void
}

/**
 * Creates an empty timer set.
 *
 * @example
 * const timers = createGatewayTimers()
 * timers.later(100, deliver)
 * timers.clear() // on close: nothing fires afterwards
 */
export function createGatewayTimers(): GatewayTimers {
  const timers = new Set<NodeJS.Timeout>()
  return {
    later(ms, fn) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        fn()
      }, ms)
      timers.add(timer)
      return timer
    },
    cancel(timer) {
      clearTimeout(timer)
      timers.delete(timer)
    },
    clear() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}
