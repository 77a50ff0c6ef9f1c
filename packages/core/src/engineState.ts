import type { TimerName } from './engineEvent'
import type { SessionError } from './sessionError'
import type { FetchUserSigReason, KickInfo, NetState, RefreshState } from './types'

/** Tunables of the engine. All durations in milliseconds. */
export interface EngineConfig {
  /** When set, a UserSig for another SDKAppID is refused before login. */
  readonly sdkAppId: number | null
  /** The engine's own login timeout (the SDK's is 90 s when offline). */
  readonly loginTimeout: number
  /** How long the fetcher may take before it is aborted. */
  readonly fetchTimeout: number
  /** How long the connection must be down before `netLost` turns true. */
  readonly netLostAfter: number
  /** Transient failures (network, timeout, fetcher threw) tolerated in one login cycle. */
  readonly maxAttempts: number
  /** UserSig refreshes after expiry tolerated in one login cycle. */
  readonly maxRefreshes: number
  readonly backoffBase: number
  readonly backoffCap: number
  /** How long before the decoded expiry a fresh UserSig is fetched in the background. */
  readonly refreshLeeway: number
}

const defaultEngineConfig: EngineConfig = {
  sdkAppId: null,
  loginTimeout: 15_000,
  fetchTimeout: 10_000,
  netLostAfter: 4_000,
  maxAttempts: 5,
  maxRefreshes: 2,
  backoffBase: 1_000,
  backoffCap: 30_000,
  refreshLeeway: 5 * 60_000,
}

/** A UserSig held in memory only, with what its decoding said. */
export interface HeldSig {
  readonly userID: string
  readonly value: string
  readonly issuedAt: number | null
  readonly expiresAt: number | null
}

export type SdkCall =
  | {
      readonly op: 'login'
      readonly id: number
      readonly userID: string
      /** The sig sent: the one refused if the server answers that it is expired or invalid. */
      readonly userSig: string
      readonly timedOut: boolean
    }
  | { readonly op: 'logout'; readonly id: number }

export interface PendingFetch {
  readonly id: number
  readonly userID: string
  readonly reason: FetchUserSigReason
  /** A proactive fetch while logged in: its sig is kept for the next expiry instead of used at once. */
  readonly background: boolean
}

/**
 * The engine's whole truth. Internal: the store only ever sees {@link toSnapshot} of it.
 * `target` is the user the app asked for; `sdkUser` the user the SDK is logged in as.
 */
export interface EngineState {
  readonly config: EngineConfig
  readonly target: string | null
  readonly sdkUser: string | null
  /**
   * The sig the SDK's current session logged in with, when the engine logged it in: the one refused when that
   * session expires (the held `sig` may be gone by then: a logout, a switch).
   */
  readonly sdkSig: string | null
  readonly ready: boolean
  /**
   * Kicked, waiting for the SDK's SDK_NOT_READY. Inside its KICKED_OUT handler the SDK still counts itself
   * logged in, so a login sent then would be answered `repeatLogin` for a dead session.
   */
  readonly sdkLeaving: boolean
  readonly call: SdkCall | null
  readonly fetch: PendingFetch | null
  readonly sig: HeldSig | null
  readonly nextSig: HeldSig | null
  /** Sigs the server already refused as expired or invalid: never sent again. */
  readonly rejected: readonly string[]
  /**
   * Deadline (Unix ms) of each running timer; the controller keeps one `setTimeout` per entry. `backoff`
   * present means waiting before the next attempt.
   */
  readonly timers: Readonly<Partial<Record<TimerName, number>>>
  readonly failures: number
  readonly refreshes: number
  readonly refresh: RefreshState
  readonly net: NetState
  readonly netLost: boolean
  readonly kicked: KickInfo | null
  readonly error: SessionError | null
  /** The last user asked for, so `retry()` after a kick or error knows whom to sign in. */
  readonly lastUser: string | null
  readonly loggingOut: boolean
  /** Set when the other tab of this app announced it took the session over. */
  readonly tabTakeover: { readonly userID: string; readonly at: number } | null
  readonly seq: number
  readonly disposed: boolean
}

/**
 * The engine state before anything happened, with the defaults filled in: the start of every `transition` run.
 *
 * @example
 * let state = initialEngineState({ loginTimeout: 20_000 })
 * state = transition(state, { type: 'login', userID: 'alice' }, { now: Date.now(), random: Math.random() }).state
 */
export function initialEngineState(config: Partial<EngineConfig> = {}): EngineState {
  return {
    config: { ...defaultEngineConfig, ...config },
    target: null,
    sdkUser: null,
    sdkSig: null,
    ready: false,
    sdkLeaving: false,
    call: null,
    fetch: null,
    sig: null,
    nextSig: null,
    rejected: [],
    timers: {},
    failures: 0,
    refreshes: 0,
    refresh: 'idle',
    net: 'connected',
    netLost: false,
    kicked: null,
    error: null,
    lastUser: null,
    loggingOut: false,
    tabTakeover: null,
    seq: 0,
    disposed: false,
  }
}
