import type { PendingCall } from '../engine/effect'
import type { SessionError } from '../sessionError'

interface Waiting {
  readonly promise: Promise<never>
  resolve(value: unknown): void
  reject(error: SessionError): void
}

/** The one place a pending call is turned into a key: a login per user, one logout, one refresh. */
const keyOf = (call: PendingCall): string => (call.op === 'login' ? `login:${call.userID}` : call.op)

/** The promises of the calls in flight: every caller of the same call shares one, the engine settles them. */
export function createPendingCalls() {
  const waiting = new Map<string, Waiting>()
  return {
    /** The promise of `call`, shared with every caller already waiting on it. */
    join<T>(call: PendingCall): Promise<T> {
      const key = keyOf(call)
      let entry = waiting.get(key)
      if (!entry) {
        let handlers!: Omit<Waiting, 'promise'>
        const promise = new Promise<never>((resolve, reject) => {
          handlers = { resolve, reject }
        })
        entry = { promise, ...handlers }
        waiting.set(key, entry)
      }
      return entry.promise
    },
    /** Rejects `call`'s callers with `error` when there is one, else resolves them with `value`; null: all. */
    settle(call: PendingCall | null, error?: SessionError, value?: unknown): void {
      const only = call && keyOf(call)
      for (const [key, entry] of waiting) {
        if (only === null || only === key) {
          waiting.delete(key)
          if (error) entry.reject(error)
          else entry.resolve(value)
        }
      }
    },
  }
}
