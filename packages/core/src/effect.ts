import type { TimerName } from './engineEvent'
import type { SessionError } from './sessionError'
import type { FetchUserSigReason, SessionEventMap, SessionEventType } from './types'

type Emitted = {
  [K in SessionEventType]: { readonly type: 'emit'; readonly name: K; readonly payload: SessionEventMap[K] }
}[SessionEventType]

/** What the transition asks the controller to do. Data only; the controller runs them in order. */
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
  | { readonly type: 'start-timer'; readonly timer: TimerName; readonly ms: number }
  | { readonly type: 'stop-timer'; readonly timer: TimerName }
  | { readonly type: 'resolve-login'; readonly userID: string }
  /** `userID: null` rejects every pending login (dispose). */
  | { readonly type: 'reject-login'; readonly userID: string | null; readonly error: SessionError }
  | { readonly type: 'resolve-logout' }
  | { readonly type: 'reject-logout'; readonly error: SessionError }
  | { readonly type: 'resolve-refresh'; readonly userID: string; readonly expiresAt: number | null }
  | { readonly type: 'reject-refresh'; readonly error: SessionError }
  | { readonly type: 'detach' }
  | Emitted
