import type { ChatAdapter, ChatLike } from './fromTencentChat'
import type { SessionError } from './sessionError'
import type { SessionTrace } from './sessionTrace'

/**
 * Where the session stands. `logged-in` only after the SDK said it is ready (`SDK_READY`). `paused`: another tab
 * of this browser holds this user's chat session (the platform allows one per account); this tab is not signed
 * out, fetches nothing and takes the session back by itself when the user comes back to it (`tabs: 'follow-focus'`)
 * or on `retry()`.
 */
export type SessionStatus = 'logged-out' | 'logging-in' | 'logged-in' | 'logging-out' | 'paused'

/**
 * What a tab does when another tab of this browser takes its user's session: `follow-focus` (default) pauses
 * quietly and takes the session back when the user returns to it; `ask` shows the kick like any other, with
 * "Use here".
 */
export type TabPolicy = 'follow-focus' | 'ask'

/** The chat connection as the SDK reports it (`NET_STATE_CHANGE`). */
export type NetState = 'connected' | 'connecting' | 'disconnected'

/** Why the server ended the session. `usersig-expired` is handled by the engine and never lands in `kicked`. */
export type KickReason = 'multi-account' | 'multi-device' | 'usersig-expired' | 'rest-api'

/** A kick the user has to decide about (the kicked-offline dialog). */
export interface KickInfo {
  readonly reason: Exclude<KickReason, 'usersig-expired'>
  /** Unix milliseconds. */
  readonly at: number
  /** The user who was signed out. */
  readonly userID: string
  /** True when another tab of this app in this browser took the session over. */
  readonly fromThisBrowser: boolean
}

/**
 * What the user has to decide about, kept until it is resolved (signed in again, signed out, or a new
 * `login()`): a kick, or an automatic UserSig refresh that failed. While the user's "sign in again"
 * (`retry()`) runs the status is `logging-in`; `error` says why the last one failed.
 */
export type Recovery =
  | { readonly reason: 'kicked'; readonly kicked: KickInfo; readonly error: SessionError | null }
  | {
      readonly reason: 'sig-expired'
      /** Why the refresh failed. */
      readonly failure: SessionError
      readonly error: SessionError | null
    }

/** The automatic UserSig refresh after expiry: `failed` means the user has to act (the expired dialog). */
export type RefreshState = 'idle' | 'fetching' | 'failed'

/**
 * The store's snapshot: small, serializable, never the UserSig itself.
 *
 * @example
 * const { status, userID, netLost } = session.store.getState()
 */
export interface SessionSnapshot {
  readonly status: SessionStatus
  /** The user being signed in or signed in; null when logged out. */
  readonly userID: string | null
  readonly net: NetState
  /** True once the connection has been down longer than the grace period (`netLostAfter`). */
  readonly netLost: boolean
  readonly kicked: KickInfo | null
  /** What the user has to decide about (the kicked-offline or session-expired dialog), until it is resolved. */
  readonly recovery: Recovery | null
  /**
   * Expiry (Unix ms) of the freshest UserSig the session holds for `userID`, when known: the one fetched ahead
   * for the next expiry (`refreshUserSig()`, the proactive refresh), else the one in use. The session lasts
   * until then without another fetch.
   */
  readonly sig: { readonly expiresAt: number } | null
  readonly refresh: RefreshState
  readonly error: SessionError | null
}

/** Why the engine asks for a UserSig. */
export type FetchUserSigReason = 'login' | 'retry' | 'expired' | 'proactive'

/** The second argument of a {@link FetchUserSig} call. */
export interface FetchUserSigContext {
  /** Aborted when the engine no longer needs the answer (timeout, user switch, logout, dispose). */
  readonly signal: AbortSignal
  readonly reason: FetchUserSigReason
}

/**
 * What a fetcher may answer: the sig, the sig with its expiry, or a terminal refusal.
 * Throwing (or rejecting) means a transient failure, retried with backoff.
 */
export type FetchUserSigResult =
  | string
  | {
      readonly userSig: string
      readonly expiresAt?: number | undefined
      /** The server's clock when it answered (Unix ms): the refresh is then scheduled on server time. */
      readonly serverTime?: number | undefined
    }
  | { readonly error: 'forbidden'; readonly message?: string | undefined }

/**
 * The app's UserSig source, usually a call to its own backend. For the kit's `createUserSigHandler`, use
 * `userSigFromEndpoint('/api/usersig')`; a hand-written one for another backend looks like this.
 *
 * @example
 * const fetchUserSig: FetchUserSig = async (userID, { signal }) => {
 *   const res = await fetch('/api/chat-credential', {
 *     method: 'POST',
 *     headers: { 'content-type': 'application/json' },
 *     body: JSON.stringify({ userID }),
 *     signal,
 *   })
 *   if (res.status === 401 || res.status === 403) return { error: 'forbidden' }
 *   if (!res.ok) throw new Error(`credential endpoint answered ${res.status}`) // transient: retried
 *   const { sig, expires } = await res.json()
 *   return { userSig: sig, expiresAt: expires * 1000 }
 * }
 */
export type FetchUserSig = (userID: string, context: FetchUserSigContext) => Promise<FetchUserSigResult>

/** Things that happened, for toasts, analytics and `useSessionEvent`. */
export type SessionEventMap = {
  kicked: KickInfo
  'sig-expired': { readonly userID: string }
  'sig-refreshed': { readonly userID: string; readonly expiresAt: number | null }
  'net-lost': { readonly net: NetState }
  'net-restored': Record<string, never>
  'login-failed': { readonly userID: string; readonly error: SessionError }
  'logged-in': { readonly userID: string }
  'logged-out': { readonly userID: string }
  /**
   * A new SDK instance is in use: the factory's first, or a fresh one replacing an instance whose login was
   * stuck. Listeners bound to SDK events of the old one (messages…) belong on this one now.
   */
  chat: { readonly chat: ChatLike | ChatAdapter }
  /** Another tab of this browser took the session over; this one is `paused` (see {@link TabPolicy}). */
  paused: { readonly userID: string }
  /** What the engine handles and does, for devtools and metrics; once `session.inspect(traceSession)` turned them on. */
  trace: SessionTrace
}

/** The name of a session event: `kicked`, `sig-expired`, `net-lost`… (see {@link SessionEventMap}). */
export type SessionEventType = keyof SessionEventMap
