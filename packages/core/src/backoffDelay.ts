/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from many
 * clients spread out but never come back sooner than half the step. `failures` counts from 1.
 */
export function backoffDelay(failures: number, random: number, base: number, cap: number): number {
  const step = Math.min(cap, base * 2 ** Math.max(0, failures - 1))
  return Math.round(step / 2 + (step / 2) * random)
}
