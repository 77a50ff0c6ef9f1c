import type { SessionError } from './sessionError'
import type { FetchUserSigReason, SessionEventMap, SessionEventType } from './types'

type Emitted = {
  [K in SessionEventType]: { readonly type: 'emit'; readonly name: K; readonly payload: SessionEventMap[K] }
}[SessionEventType]

/**
 * What the transition asks the controller to do. Data only; the controller runs them in order.
 * Timers are not effects: the state holds their deadlines and the controller follows them.
 */
export type Effect =
  | {
      readonly type: 'fetch'
      readonly id: number
      readonly userID: string
      readonly reason: FetchUserSigReason
    }
  | { readonly type: 'abort-fetch'; readonly id: number }
  | { readonly type: 'sdk-login'; readonly id: number; readonly userID: string; readonly userSig: string }
  | { readonly type: 'sdk-logout'; readonly id: number }
  /**
   * Settles the promise of a pending call, `login:<userID>`, `logout` or `refresh` (null: every pending one),
   * rejecting it with `error` when there is one, else resolving it with `value`.
   */
  | {
      readonly type: 'settle'
      readonly promise: string | null
      readonly error?: SessionError | undefined
      readonly value?: { readonly userID: string; readonly expiresAt: number | null } | undefined
    }
  | { readonly type: 'detach' }
  | Emitted
