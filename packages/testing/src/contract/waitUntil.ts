import { sleep } from './sleep'

/**
 * Polls `check` on real time until it holds; rejects after `timeoutMs` with `what` in the message.
 * The contract runs on real timers for every driver, so the fake is held to the real SDK's pace too.
 */
export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(10)
  }
}
