import type { SessionError } from '../sessionError'
import type { FetchUserSigReason, KickInfo, NetState, Recovery, RefreshState, TabPolicy } from '../types'
import type { TimerName } from './engineEvent'

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
  /**
   * What this tab does when another tab of this browser takes its user's session (the platform allows one per
   * account): `'follow-focus'` pauses quietly (`status: 'paused'`) and takes it back when the user returns here;
   * `'ask'` shows the kick with "Use here". Needs the tab channel.
   */
  readonly tabs: TabPolicy
  /** How long a paused tab must stay focused before it takes the session back (a glance does not). */
  readonly takeoverDwell: number
  /**
   * The controller can replace the SDK instance (the app gave a factory): a login stuck offline or let go of
   * goes with its instance instead of being waited out.
   */
  readonly replaceable: boolean
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
  tabs: 'follow-focus',
  takeoverDwell: 800,
  replaceable: false,
}

/** A UserSig held in memory only, with what its decoding said. */
export interface HeldSig {
  readonly userID: string
  readonly value: string
  readonly issuedAt: number | null
  readonly expiresAt: number | null
  /** Server clock minus this clock when the sig arrived (ms); its times are the server's. 0 when unknown. */
  readonly clockOffset?: number
  /** Its face in the snapshot, made once with the sig so the store sees the same object while the sig lasts. */
  readonly shown: { readonly expiresAt: number } | null
}

/**
 * The SDK call in flight (the SDK cannot cancel one, so the engine waits for it before the next).
 * `login-overdue`: a login past the engine's own timeout, which already counted it as a failed attempt.
 */
export type SdkCall =
  | {
      readonly op: 'login' | 'login-overdue'
      readonly id: number
      readonly userID: string
      /** The sig sent: the one refused if the server answers that it is expired or invalid. */
      readonly userSig: string
      /** The socket changed while it was in flight: the SDK re-sent it on the new one (a silent server). */
      readonly resent?: true
    }
  | { readonly op: 'logout'; readonly id: number }

/**
 * Where the SDK's own session stands, as the engine last heard. `sig` is the sig that session logged in with
 * when the engine logged it in (null when the app did): the one refused when it expires, even if the held sig
 * is gone by then (a logout, a switch).
 * - `awaiting-ready`: the SDK accepted a login and has not said SDK_READY yet.
 * - `leaving-after-kick`: kicked, waiting for SDK_NOT_READY. Inside its KICKED_OUT handler the SDK still counts
 *   itself logged in, so a login sent then would be answered `repeatLogin` for a dead session.
 * - `disposed`: the end; every event is ignored.
 */
export type Phase =
  | { readonly name: 'signed-out' }
  | {
      readonly name: 'awaiting-ready' | 'ready' | 'leaving-after-kick'
      readonly user: string
      readonly sig: string | null
    }
  | { readonly name: 'disposed' }

/**
 * What the app asked for: a user signed in, or a `logout()` whose callers wait until the SDK is signed out.
 * `none` once a logout is done, or after the engine gave up (an error, a kick) and waits for the user.
 */
export type Goal =
  | { readonly name: 'none' }
  | { readonly name: 'user'; readonly userID: string }
  | { readonly name: 'sign-out' }
  /** Another tab of this browser holds the user's session; this one takes it back when the user returns. */
  | { readonly name: 'paused'; readonly userID: string }

export interface PendingFetch {
  readonly id: number
  readonly userID: string
  readonly reason: FetchUserSigReason
  /** A proactive fetch while logged in: its sig is kept for the next expiry instead of used at once. */
  readonly background: boolean
}

/** The engine's whole truth. Internal: the store only ever sees {@link toSnapshot} of it. */
export interface EngineState {
  readonly config: EngineConfig
  readonly goal: Goal
  readonly phase: Phase
  readonly call: SdkCall | null
  readonly fetch: PendingFetch | null
  readonly sig: HeldSig | null
  readonly nextSig: HeldSig | null
  /** Sigs the server already refused as expired or invalid: never sent again (the latest few, a bounded list). */
  readonly rejected: readonly string[]
  /**
   * The user of an SDK login let go of while the SDK had no session yet (a logout or a switch during a stuck
   * login; the SDK cannot cancel it): if it still completes, that session is logged out, not adopted.
   */
  readonly abandoned: { readonly user: string; readonly id: number; readonly sig: string } | null
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
  readonly recovery: Recovery | null
  readonly error: SessionError | null
  /** The last user asked for, so `retry()` after a kick or error knows whom to sign in. */
  readonly lastUser: string | null
  /** Set when the other tab of this app announced it took the session over. */
  readonly tabTakeover: { readonly userID: string; readonly at: number } | null
  /**
   * The user is in this page: visible and focused as the page signals last said (true until they say otherwise),
   * or they just took the session over here.
   */
  readonly focused: boolean
  readonly seq: number
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
    goal: { name: 'none' },
    phase: { name: 'signed-out' },
    call: null,
    fetch: null,
    sig: null,
    nextSig: null,
    rejected: [],
    abandoned: null,
    timers: {},
    failures: 0,
    refreshes: 0,
    refresh: 'idle',
    net: 'connected',
    netLost: false,
    kicked: null,
    recovery: null,
    error: null,
    lastUser: null,
    tabTakeover: null,
    focused: true,
    seq: 0,
  }
}
