import type { TabNote } from '../controller/tabLink'
import type { SessionError } from '../sessionError'
import type { FetchUserSigReason, SessionEventMap, SessionEventType } from '../types'

type Emitted = {
  [K in SessionEventType]: { readonly type: 'emit'; readonly name: K; readonly payload: SessionEventMap[K] }
}[SessionEventType]

/** A call whose callers wait on a promise: every `login(userID)` of one user shares one, so do `logout()`s and refreshes. */
export type PendingCall =
  | { readonly op: 'login'; readonly userID: string }
  | { readonly op: 'logout' }
  | { readonly op: 'refresh' }

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
  /** `unlessLive`: not sent if another tab of this browser is live for the user (the controller asks the tabs). */
  | {
      readonly type: 'sdk-login'
      readonly id: number
      readonly userID: string
      readonly userSig: string
      readonly unlessLive: boolean
    }
  | { readonly type: 'sdk-logout'; readonly id: number }
  /**
   * Destroys the SDK instance and makes a fresh one from the app's factory (a stuck login goes with the old one).
   * Answered with `sdk-logout` of the same id: the fresh instance is signed out.
   */
  | { readonly type: 'sdk-reset'; readonly id: number }
  /**
   * Settles the promise of a pending call (null: every pending one), rejecting it with `error` when there is
   * one, else resolving it with `value`.
   */
  | {
      readonly type: 'settle'
      readonly call: PendingCall | null
      readonly error?: SessionError | undefined
      readonly value?: { readonly userID: string; readonly expiresAt: number | null } | undefined
    }
  | { readonly type: 'detach' }
  /** Tells the other tabs of this app (a sign-out, so that tabs paused for that user sign out too). */
  | { readonly type: 'tab-note'; readonly note: TabNote }
  | Emitted
