import { SessionError } from '../sessionError'
import type { FetchUserSigReason, SessionEventMap, SessionEventType } from '../types'
import type { Effect, PendingCall } from './effect'
import type { EngineState, Goal } from './engineState'

/** The state a transition updates in place: its own copy, so the input state is never touched. */
export type Draft = { -readonly [K in keyof EngineState]: EngineState[K] } & {
  timers: { -readonly [K in keyof EngineState['timers']]: EngineState['timers'][K] }
}

/** One transition in progress: the draft state it updates, with the effects it collects in order and the clock. */
export type Step = Draft & { readonly effects: Effect[]; readonly now: number; readonly random: number }

/** The longest `Retry-After` the backoff honours (5 minutes). */
const MAX_RETRY_AFTER = 300_000

export const NO_GOAL: Goal = { name: 'none' }

/** The user the app wants signed in, if any. */
export const targetOf = (s: EngineState): string | null => (s.goal.name === 'user' ? s.goal.userID : null)

/** The user the SDK's session is for, if it has one. */
export const sdkUserOf = (s: EngineState): string | null => ('user' in s.phase ? s.phase.user : null)

/** Signed in as the wanted user: the SDK said SDK_READY for them. */
export const isLoggedIn = (s: EngineState): boolean =>
  s.phase.name === 'ready' && s.phase.user === targetOf(s)

export const loginCall = (userID: string): PendingCall => ({ op: 'login', userID })

export const superseded = (): SessionError => new SessionError('superseded')

export function emit<K extends SessionEventType>(s: Step, name: K, payload: SessionEventMap[K]): void {
  s.effects.push({ type: 'emit', name, payload } as Effect)
}

export function settle(
  s: Step,
  call: PendingCall | null,
  error?: SessionError,
  value?: { userID: string; expiresAt: number | null },
): void {
  s.effects.push({ type: 'settle', call, error, value })
}

export function startFetch(s: Step, userID: string, reason: FetchUserSigReason, background: boolean): void {
  const id = ++s.seq
  s.effects.push({ type: 'fetch', id, userID, reason })
  s.timers.fetch = s.now + s.config.fetchTimeout
  s.fetch = { id, userID, reason, background }
}

export function abortFetch(s: Step): void {
  s.effects.push({ type: 'abort-fetch', id: s.fetch!.id })
  s.fetch = null
  delete s.timers.fetch
}

/** A background fetch is no longer wanted: its `refreshUserSig()` callers are told. */
export function abortBackgroundFetch(s: Step): void {
  if (s.fetch?.background) {
    settle(s, { op: 'refresh' }, superseded())
    abortFetch(s)
  }
}

/** The wanted user changes or is given up: whoever waited on it is told, its fetch is no longer needed. */
export function dropTarget(s: Step, error: SessionError): void {
  const target = targetOf(s)
  if (target !== null) settle(s, loginCall(target), error)
  delete s.timers.login
  delete s.timers.backoff
  if (s.fetch && !s.fetch.background) abortFetch(s)
}

/** Starts a fresh login cycle (or ends one that succeeded): counters reset, old errors and kicks cleared. */
export function beginCycle(s: Step): void {
  delete s.timers.backoff
  s.failures = s.refreshes = 0
  s.refresh = 'idle'
  s.error = s.kicked = null
}

/** Sets out to sign `user` in: a logout in progress is superseded (its callers are told), a fresh cycle begins. */
export function want(s: Step, user: string): void {
  if (s.goal.name === 'sign-out') settle(s, { op: 'logout' }, superseded())
  s.goal = { name: 'user', userID: user }
  beginCycle(s)
}

/** The wanted user is let go: its callers are told, nothing more is fetched or refreshed for it, its sigs forgotten. */
export function letGo(s: Step, error: SessionError, goal: Goal): void {
  if (targetOf(s) !== null) dropTarget(s, error)
  delete s.timers.prefetch
  abortBackgroundFetch(s)
  s.goal = goal
  s.sig = s.nextSig = null
}

/** Terminal: stop, keep the error for the UI, and wait for the user (`retry()` or a new `login()`). */
export function giveUp(s: Step, error: SessionError): void {
  const user = targetOf(s)
  dropTarget(s, error)
  if (user !== null) emit(s, 'login-failed', { userID: user, error })
  s.refresh = s.refreshes > 0 || s.refresh === 'fetching' ? 'failed' : 'idle'
  // A failed refresh is the user's to decide about (also when it ended a "sign in again" after a kick); any other
  // failure of a recovery in progress is that recovery's error.
  const { recovery } = s
  s.recovery =
    s.refresh === 'failed' && recovery?.reason !== 'sig-expired'
      ? { reason: 'sig-expired', failure: error, error: null }
      : recovery && { ...recovery, error }
  if (user !== null) s.goal = NO_GOAL
  s.lastUser = user ?? s.lastUser
  s.error = error
  s.failures = s.refreshes = 0
}

/** Transient: back off with jitter and try again, or give up after `maxAttempts`. */
export function retryLater(s: Step, error: SessionError) {
  const { config } = s
  if (++s.failures >= config.maxAttempts) return giveUp(s, error)
  const user = targetOf(s)
  if (user !== null) emit(s, 'login-failed', { userID: user, error })
  // Exponential with "equal jitter": half the step fixed, half random, so many clients spread out.
  const step = Math.min(config.backoffCap, config.backoffBase * 2 ** (s.failures - 1))
  const jittered = Math.round(step / 2 + (step / 2) * s.random)
  // The server's `Retry-After` is a floor (trying sooner is refused again), capped so a bad header cannot stall.
  s.timers.backoff = s.now + Math.max(jittered, Math.min(error.retryAfter ?? 0, MAX_RETRY_AFTER))
  s.error = error
}
