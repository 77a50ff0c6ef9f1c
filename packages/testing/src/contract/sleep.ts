/** Real-time pause (the contract runs on real timers for every driver). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
