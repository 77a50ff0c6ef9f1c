import type { SessionError } from './sessionError'
import type { KickReason, NetState } from './types'

export type TimerName = 'login-timeout' | 'fetch-timeout' | 'backoff' | 'net-grace' | 'prefetch'

/** Everything that can happen to the engine: user calls, SDK answers and events, fetcher answers, timers. */
export type EngineEvent =
  | { readonly type: 'start'; readonly user: string; readonly ready: boolean }
  | { readonly type: 'login'; readonly userID: string }
  | { readonly type: 'logout' }
  | { readonly type: 'retry' }
  | { readonly type: 'refresh-sig' }
  | { readonly type: 'dispose' }
  | {
      readonly type: 'fetch-succeeded'
      readonly id: number
      readonly userSig: string
      readonly identifier: string
      readonly sdkAppId: number
      readonly issuedAt: number
      readonly expiresAt: number
    }
  | { readonly type: 'fetch-failed'; readonly id: number; readonly error: SessionError }
  | {
      readonly type: 'sdk-login-succeeded'
      readonly id: number
      readonly repeat: boolean
      readonly user: string
      readonly ready: boolean
    }
  | { readonly type: 'sdk-login-failed'; readonly id: number; readonly error: SessionError }
  | { readonly type: 'sdk-logout-settled'; readonly id: number }
  | { readonly type: 'sdk-ready'; readonly user: string }
  | { readonly type: 'sdk-not-ready' }
  | { readonly type: 'sdk-kicked'; readonly reason: KickReason }
  | { readonly type: 'sdk-net'; readonly net: NetState }
  | { readonly type: 'tab-takeover'; readonly userID: string }
  | { readonly type: 'timer'; readonly timer: TimerName }

/** The outside facts a pure transition may need: the clock and a random number in [0, 1) for jitter. */
export interface EngineEnv {
  readonly now: number
  readonly random: number
}
