import type { TabNote } from '../controller/tabLink'
import type { AdapterEvent } from '../fromTencentChat'
import type { NormalizedUserSig } from '../normalizeUserSig'
import type { SessionError } from '../sessionError'

/**
 * The engine's timers: the login and fetch timeouts, the wait before the next attempt, the grace before the
 * connection counts as lost, the proactive UserSig refresh, a paused tab's wait before it takes the session back,
 * and the check that a login is not stuck offline.
 */
export type TimerName = 'login' | 'fetch' | 'backoff' | 'net' | 'prefetch' | 'takeover' | 'stuck'

/**
 * Everything that can happen to the engine: user calls, SDK answers (`sdk-login`, `sdk-logout`), SDK events
 * (the adapter's own `ready`, `not-ready`, `kicked`, `net`), fetcher answers, timers and the other tabs.
 */
export type EngineEvent =
  | { readonly type: 'login'; readonly userID: string }
  | { readonly type: 'logout' }
  | { readonly type: 'retry' }
  | { readonly type: 'refresh' }
  | { readonly type: 'dispose' }
  | ({ readonly type: 'fetched'; readonly id: number } & (
      | { readonly sig: NormalizedUserSig }
      | { readonly error: SessionError }
    ))
  | ({ readonly type: 'sdk-login'; readonly id: number } & (
      | { readonly result: { readonly repeat: boolean; readonly user: string; readonly ready: boolean } }
      | { readonly error: SessionError }
    ))
  | { readonly type: 'sdk-logout'; readonly id: number }
  | Exclude<AdapterEvent, { type: 'error' }>
  /** Another tab of this app announced it is signing `userID` in, or that `userID` signed out there. */
  | { readonly type: 'tab'; readonly note: TabNote['type']; readonly userID: string }
  /** The SDK login `id` was not sent: this tab is not in use and another tab of this browser is live for its user. */
  | { readonly type: 'live-elsewhere'; readonly id: number }
  /** This page became visible and focused (true), or stopped being either (false). */
  | { readonly type: 'focus'; readonly focused: boolean }
  /** The user pressed a pointer or a key in this page. */
  | { readonly type: 'engaged' }
  /** The browser has a network again (`online`): a good moment to try a login that failed on the network. */
  | { readonly type: 'online' }
  | { readonly type: 'timer'; readonly timer: TimerName }

/** The outside facts a pure transition may need: the clock and a random number in [0, 1) for jitter. */
export interface EngineEnv {
  readonly now: number
  readonly random: number
}
