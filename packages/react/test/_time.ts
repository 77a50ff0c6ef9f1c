import { act } from '@testing-library/react'
import { vi } from 'vitest'

// Captured before any test installs fake timers: UserSig signing, decoding and HMAC checks finish on Node's
// thread pool, which needs real event-loop turns that fake time cannot give.
const realSetTimeout = globalThis.setTimeout
const realTurn = () => new Promise<void>((resolve) => realSetTimeout(resolve, 1))

/** Lets `ms` of fake time pass in steps of at most `step` ms, with real turns between them (inside `act`). */
export async function passTime(ms: number, step = 100): Promise<void> {
  for (let done = 0; done < ms; done += step) {
    await act(async () => {
      await realTurn()
      await realTurn()
      await vi.advanceTimersByTimeAsync(Math.min(step, ms - done))
    })
  }
  await act(async () => {
    for (let i = 0; i < 8; i++) {
      await realTurn()
      await vi.advanceTimersByTimeAsync(0)
    }
  })
}
