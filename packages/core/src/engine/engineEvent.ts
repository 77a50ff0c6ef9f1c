import type { AdapterEvent } from '../fromTencentChat'
import type { NormalizedUserSig } from '../normalizeUserSig'
import type { SessionError } from '../sessionError'

/**
 * The engine's timers: the login and fetch timeouts, the wait before the next attempt, the grace before the
 * connection counts as lost, the proactive UserSig refresh, and the check that a login is not stuck offline.
 */
export type TimerName = 'login' | 'fetch' | 'backoff' | 'net' | 'prefetch' | 'stuck'

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
  /** Another tab of this app announced it is signing `userID` in. */
  | { readonly type: 'tab'; readonly userID: string }
  /** The browser has a network again (`online`): a good moment to try a login that failed on the network. */
  | { readonly type: 'online' }
  | { readonly type: 'timer'; readonly timer: TimerName }

/** The outside facts a pure transition may need: the clock and a random number in [0, 1) for jitter. */
export interface EngineEnv {
  readonly now: number
  readonly random: number
}
