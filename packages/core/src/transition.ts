import { backoffDelay } from './backoffDelay'
import type { Effect } from './effect'
import type { EngineEnv, EngineEvent, TimerName } from './engineEvent'
import type { EngineState, HeldSig } from './engineState'
import { SessionError } from './sessionError'
import type { KickReason } from './types'

export interface TransitionResult {
  readonly state: EngineState
  readonly effects: readonly Effect[]
}

/** setTimeout fires at once for delays above 2^31 - 1 ms; long waits are re-armed instead. */
const MAX_TIMER = 2_147_483_647

/** How close a takeover note from another tab and a multi-account kick must be to be linked. */
const TAKEOVER_WINDOW = 10_000

/**
 * The session engine: a pure function of the state, one event and the clock. It runs no effect;
 * it returns them as data for the controller. Every rule of the engine lives here.
 *
 * @example
 * const { state, effects } = transition(initialEngineState(), { type: 'login', userID: 'alice' }, { now: Date.now(), random: 0.5 })
 * // effects: [{ type: 'fetch', userID: 'alice', reason: 'login', ... }, { type: 'start-timer', timer: 'fetch-timeout', ... }]
 */
export function transition(state: EngineState, event: EngineEvent, env: EngineEnv): TransitionResult {
  if (state.disposed) return { state, effects: [] }
  const fx: Effect[] = []
  let next = step(state, event, env, fx)
  if (!isLoggedIn(state) && isLoggedIn(next)) next = onLoggedIn(next, env, fx)
  next = settleLogout(advance(next, fx), fx)
  return { state: next, effects: fx }
}

function step(s: EngineState, e: EngineEvent, env: EngineEnv, fx: Effect[]): EngineState {
  switch (e.type) {
    case 'start':
      // Mirror an SDK that is already signed in (e.g. the app logged in before creating the session).
      if (!e.ready || !e.user || s.sdkUser !== null || s.call !== null) return s
      return { ...s, sdkUser: e.user, ready: true, target: s.target ?? e.user }

    case 'login': {
      if (s.loggingOut) fx.push({ type: 'reject-logout', error: superseded() })
      if (s.target === e.userID) {
        // Joining the login in flight, or already signed in as that user: no new request (DAU is billed per login).
        if (isLoggedIn(s)) fx.push({ type: 'resolve-login', userID: e.userID })
        return { ...s, loggingOut: false }
      }
      const cleared = s.target !== null && s.target !== e.userID ? dropTarget(s, superseded(), fx) : s
      return beginCycle({ ...cleared, target: e.userID, lastUser: e.userID, loggingOut: false }, fx)
    }

    case 'retry': {
      const user = s.target ?? s.lastUser
      if (user === null) return s
      return beginCycle({ ...s, target: user }, fx)
    }

    case 'refresh-sig': {
      if (!isLoggedIn(s)) {
        fx.push({
          type: 'reject-refresh',
          error: new SessionError('not-initialized'),
        })
        return s
      }
      if (s.fetch?.background) return s // the refresh already in flight answers this one too
      return startBackgroundFetch(s, fx)
    }

    case 'logout': {
      const dropped = s.target !== null ? dropTarget(s, superseded(), fx) : s
      stopTimers(fx, 'prefetch')
      const aborted = abortBackgroundFetch(dropped, fx)
      return {
        ...aborted,
        target: null,
        sig: null,
        nextSig: null,
        kicked: null,
        error: null,
        refresh: 'idle',
        loggingOut: true,
      }
    }

    case 'dispose': {
      const error = new SessionError('disposed')
      fx.push({ type: 'reject-login', userID: null, error })
      if (s.loggingOut) fx.push({ type: 'reject-logout', error })
      if (s.fetch?.background) fx.push({ type: 'reject-refresh', error })
      if (s.fetch) fx.push({ type: 'abort-fetch', id: s.fetch.id })
      stopTimers(fx, 'login-timeout', 'fetch-timeout', 'backoff', 'net-grace', 'prefetch')
      fx.push({ type: 'detach' })
      return { ...s, disposed: true, fetch: null, backoff: false, loggingOut: false }
    }

    case 'fetch-succeeded':
      return onFetchSucceeded(s, e, fx)

    case 'fetch-failed': {
      if (s.fetch?.id !== e.id) return s
      stopTimers(fx, 'fetch-timeout')
      const fetch = s.fetch
      const cleared: EngineState = { ...s, fetch: null }
      if (fetch.background) {
        // The expiry path will fetch again if it must.
        fx.push({ type: 'reject-refresh', error: e.error })
        return cleared
      }
      if (!e.error.retryable) return halt(cleared, e.error, fx)
      return fail(cleared, e.error, env, fx)
    }

    case 'sdk-login-succeeded': {
      if (s.call?.op !== 'login' || s.call.id !== e.id) return s
      const sdkUser = e.repeat ? e.user || null : s.call.userID
      const ready = e.repeat ? e.ready : s.ready
      return { ...s, call: null, sdkUser, ready }
    }

    case 'sdk-login-failed':
      return onLoginFailed(s, e.id, e.error, env, fx)

    case 'sdk-logout-settled': {
      if (s.call?.op !== 'logout' || s.call.id !== e.id) return s
      // The SDK resolves logout even when the request failed: either way it is signed out.
      return { ...s, call: null, sdkUser: null, ready: false, sdkLeaving: false }
    }

    case 'sdk-ready': {
      if (s.call?.op === 'login' && s.call.userID === e.user) return { ...s, sdkUser: e.user, ready: true }
      if (s.sdkUser !== null && s.sdkUser === e.user) return { ...s, ready: true }
      if (s.call === null && s.sdkUser === null && e.user) {
        // Someone signed the SDK in behind the engine's back: mirror it rather than fight it.
        return { ...s, sdkUser: e.user, ready: true, target: s.target ?? e.user }
      }
      return s
    }

    case 'sdk-not-ready': {
      if (s.sdkUser === null) return { ...s, ready: false }
      if (s.sdkLeaving || s.call?.op === 'logout')
        return { ...s, sdkUser: null, ready: false, sdkLeaving: false }
      // Signed out without a kick and not by the engine (the app called chat.logout()): follow it, don't re-login.
      const user = s.sdkUser
      const base: EngineState = { ...s, sdkUser: null, ready: false }
      if (s.target !== user) return base
      stopTimers(fx, 'prefetch')
      fx.push({ type: 'emit', name: 'logged-out', payload: { userID: user } })
      return { ...abortBackgroundFetch(base, fx), target: null, sig: null, nextSig: null }
    }

    case 'sdk-kicked':
      return onKicked(s, e.reason, env, fx)

    case 'sdk-net': {
      if (e.net === s.net) return s
      if (e.net === 'connected') {
        stopTimers(fx, 'net-grace')
        if (s.netLost) fx.push({ type: 'emit', name: 'net-restored', payload: {} })
        return { ...s, net: e.net, netLost: false }
      }
      if (s.net === 'connected')
        fx.push({ type: 'start-timer', timer: 'net-grace', ms: s.config.netLostAfter })
      return { ...s, net: e.net }
    }

    case 'tab-takeover': {
      // The note and the kick race (the kick comes from the server, the note from the other tab): either order.
      const k = s.kicked
      if (k?.reason === 'multi-account' && k.userID === e.userID && env.now - k.at < TAKEOVER_WINDOW) {
        return { ...s, kicked: { ...k, fromThisBrowser: true }, tabTakeover: null }
      }
      return { ...s, tabTakeover: { userID: e.userID, at: env.now } }
    }

    case 'timer':
      return onTimer(s, e.timer, env, fx)

    default:
      return e satisfies never
  }
}

/** Starts a fresh login cycle for `s.target`: counters reset, old errors and kicks cleared. */
function beginCycle(s: EngineState, fx: Effect[]): EngineState {
  if (s.backoff) stopTimers(fx, 'backoff')
  return { ...s, backoff: false, failures: 0, refreshes: 0, refresh: 'idle', error: null, kicked: null }
}

function onFetchSucceeded(
  s: EngineState,
  e: Extract<EngineEvent, { type: 'fetch-succeeded' }>,
  fx: Effect[],
) {
  if (s.fetch?.id !== e.id) return s
  stopTimers(fx, 'fetch-timeout')
  const fetch = s.fetch
  const cleared: EngineState = { ...s, fetch: null }
  const held: HeldSig = {
    userID: fetch.userID,
    value: e.userSig,
    issuedAt: e.issuedAt,
    expiresAt: e.expiresAt,
  }
  if (e.identifier !== fetch.userID) {
    const error = new SessionError('sig-mismatch', 70013, 'user')
    return fetch.background ? rejectRefresh(cleared, error, fx) : halt(cleared, error, fx)
  }
  if (s.config.sdkAppId !== null && e.sdkAppId !== s.config.sdkAppId) {
    const error = new SessionError('sig-mismatch', 70014, 'app')
    return fetch.background ? rejectRefresh(cleared, error, fx) : halt(cleared, error, fx)
  }
  if (s.rejected.includes(e.userSig)) {
    const error = new SessionError('sig-expired', 70001, 'stale')
    return fetch.background ? rejectRefresh(cleared, error, fx) : halt(cleared, error, fx)
  }
  if (fetch.background) {
    fx.push({ type: 'resolve-refresh', userID: held.userID, expiresAt: held.expiresAt })
    fx.push({
      type: 'emit',
      name: 'sig-refreshed',
      payload: { userID: held.userID, expiresAt: held.expiresAt },
    })
    return { ...cleared, nextSig: held }
  }
  return { ...cleared, sig: held }
}

function onLoginFailed(s: EngineState, id: number, error: SessionError, env: EngineEnv, fx: Effect[]) {
  if (s.call?.op !== 'login' || s.call.id !== id) return s
  const call = s.call
  const cleared: EngineState = { ...s, call: null }
  // A login for a user no longer wanted (switch, logout) or already given up on: its outcome does not matter.
  if (s.target !== call.userID) return cleared
  stopTimers(fx, 'login-timeout')
  if (error.kind === 'sig-expired') {
    const rejected = s.sig ? [...s.rejected, s.sig.value] : s.rejected
    return refreshAfterExpiry({ ...cleared, sig: null, rejected }, call.userID, error, fx)
  }
  if (error.kind === 'sig-invalid' || error.kind === 'sig-mismatch') {
    const rejected = s.sig ? [...s.rejected, s.sig.value] : s.rejected
    return halt({ ...cleared, sig: null, rejected }, error, fx)
  }
  if (!error.retryable) return halt(cleared, error, fx)
  // The engine's own timeout already counted this attempt.
  if (call.timedOut) return cleared
  return fail(cleared, error, env, fx)
}

function onKicked(s: EngineState, reason: KickReason, env: EngineEnv, fx: Effect[]) {
  const user = s.sdkUser
  if (user === null || s.sdkLeaving) return s
  const base: EngineState = { ...s, ready: false, sdkLeaving: true }
  stopTimers(fx, 'prefetch')
  if (reason === 'usersig-expired') {
    const rejected = s.sig ? [...s.rejected, s.sig.value] : s.rejected
    const fresh =
      s.nextSig && !rejected.includes(s.nextSig.value) && s.nextSig.userID === user ? s.nextSig : null
    // A background fetch still in flight becomes the refresh itself: one fetch, not two.
    const converting = s.fetch?.background === true
    if (converting) {
      fx.push({ type: 'reject-refresh', error: new SessionError('superseded') })
    }
    const fetch =
      s.fetch && converting ? { ...s.fetch, background: false, reason: 'expired' as const } : s.fetch
    if (s.target !== user) return { ...base, rejected, sig: null, nextSig: null, fetch }
    const error = new SessionError('sig-expired', 70001)
    return refreshAfterExpiry({ ...base, rejected, sig: fresh, nextSig: null, fetch }, user, error, fx)
  }
  const takeover = s.tabTakeover
  const fromThisBrowser =
    reason === 'multi-account' &&
    takeover !== null &&
    takeover.userID === user &&
    env.now - takeover.at < 10_000
  const kicked = { reason, at: env.now, userID: user, fromThisBrowser }
  fx.push({ type: 'emit', name: 'kicked', payload: kicked })
  if (s.target !== user) return base
  return {
    ...abortBackgroundFetch(base, fx),
    target: null,
    lastUser: user,
    sig: null,
    nextSig: null,
    kicked,
    tabTakeover: null,
  }
}

/** After an expired sig: fetch a new one and log in again, at most `maxRefreshes` times per cycle. */
function refreshAfterExpiry(s: EngineState, user: string, error: SessionError, fx: Effect[]): EngineState {
  fx.push({ type: 'emit', name: 'sig-expired', payload: { userID: user } })
  const refreshes = s.refreshes + 1
  if (refreshes > s.config.maxRefreshes) {
    const exhausted = new SessionError('sig-expired', error.code, 'exhausted')
    return halt({ ...s, refreshes }, exhausted, fx)
  }
  return { ...s, refreshes, refresh: 'fetching' }
}

function onTimer(s: EngineState, timer: TimerName, env: EngineEnv, fx: Effect[]): EngineState {
  switch (timer) {
    case 'backoff':
      return { ...s, backoff: false }
    case 'net-grace':
      if (s.net === 'connected' || s.netLost) return s
      fx.push({ type: 'emit', name: 'net-lost', payload: { net: s.net } })
      return { ...s, netLost: true }
    case 'fetch-timeout': {
      if (!s.fetch) return s
      fx.push({ type: 'abort-fetch', id: s.fetch.id })
      const cleared: EngineState = { ...s, fetch: null }
      const error = new SessionError('timeout', undefined, 'fetcher')
      if (s.fetch.background) return rejectRefresh(cleared, error, fx)
      return fail(cleared, error, env, fx)
    }
    case 'login-timeout': {
      const pendingLogin = s.call?.op === 'login' && s.call.userID === s.target
      const awaitingReady = s.target !== null && s.sdkUser === s.target && !s.ready
      if (!pendingLogin && !awaitingReady) return s
      // The SDK call cannot be cancelled; it stays in flight and no second one starts until it settles.
      const call = s.call?.op === 'login' ? { ...s.call, timedOut: true } : s.call
      const error = new SessionError('timeout', undefined, 'login')
      return fail({ ...s, call }, error, env, fx)
    }
    case 'prefetch': {
      if (s.fetch || !s.ready || s.sdkUser === null || s.sdkUser !== s.target) return s
      const expiresAt = s.sig?.expiresAt
      if (expiresAt == null) return s
      const wait = prefetchAt(s.sig!, s.config.refreshLeeway) - env.now
      if (wait > 0) {
        fx.push({ type: 'start-timer', timer: 'prefetch', ms: Math.min(wait, MAX_TIMER) })
        return s
      }
      return startBackgroundFetch(s, fx)
    }
    default:
      return timer satisfies never
  }
}

function isLoggedIn(s: EngineState): boolean {
  return s.target !== null && s.ready && s.sdkUser === s.target
}

/** The SDK became ready as the wanted user: the login is done, counters reset, a proactive refresh planned. */
function onLoggedIn(s: EngineState, env: EngineEnv, fx: Effect[]): EngineState {
  const user = s.target!
  stopTimers(fx, 'login-timeout')
  if (s.backoff) stopTimers(fx, 'backoff')
  fx.push({ type: 'resolve-login', userID: user })
  if (s.refreshes > 0) {
    fx.push({
      type: 'emit',
      name: 'sig-refreshed',
      payload: { userID: user, expiresAt: s.sig?.expiresAt ?? null },
    })
  }
  fx.push({ type: 'emit', name: 'logged-in', payload: { userID: user } })
  const sig = s.sig?.userID === user ? s.sig : null
  if (sig?.expiresAt != null) {
    const wait = prefetchAt(sig, s.config.refreshLeeway) - env.now
    fx.push({ type: 'start-timer', timer: 'prefetch', ms: Math.min(Math.max(wait, 0), MAX_TIMER) })
  }
  return { ...s, error: null, failures: 0, refreshes: 0, refresh: 'idle', backoff: false, kicked: null, sig }
}

function prefetchAt(sig: HeldSig, leeway: number): number {
  const expiresAt = sig.expiresAt ?? Number.POSITIVE_INFINITY
  const lifetime = sig.issuedAt !== null ? expiresAt - sig.issuedAt : leeway * 10
  // Short-lived sigs (tests, demos) refresh at 90 % of their life rather than minutes before.
  return expiresAt - Math.min(leeway, lifetime * 0.1)
}

/** A transient failure: back off with jitter, or give up after `maxAttempts`. */
function fail(s: EngineState, error: SessionError, env: EngineEnv, fx: Effect[]): EngineState {
  const failures = s.failures + 1
  if (failures >= s.config.maxAttempts) return halt({ ...s, failures }, error, fx)
  if (s.target !== null) fx.push({ type: 'emit', name: 'login-failed', payload: { userID: s.target, error } })
  const ms = backoffDelay(failures, env.random, s.config.backoffBase, s.config.backoffCap)
  fx.push({ type: 'start-timer', timer: 'backoff', ms })
  return { ...s, failures, error, backoff: true }
}

/** A terminal failure: stop, keep the error for the UI, and wait for the user (`retry()` or a new `login()`). */
function halt(s: EngineState, error: SessionError, fx: Effect[]): EngineState {
  const user = s.target
  stopTimers(fx, 'login-timeout', 'backoff')
  if (s.fetch && !s.fetch.background) {
    fx.push({ type: 'abort-fetch', id: s.fetch.id })
    stopTimers(fx, 'fetch-timeout')
  }
  if (user !== null) {
    fx.push({ type: 'reject-login', userID: user, error })
    fx.push({ type: 'emit', name: 'login-failed', payload: { userID: user, error } })
  }
  const inRefresh = s.refreshes > 0 || s.refresh === 'fetching'
  return {
    ...s,
    target: null,
    lastUser: user ?? s.lastUser,
    fetch: s.fetch?.background ? s.fetch : null,
    backoff: false,
    error,
    refresh: inRefresh ? 'failed' : 'idle',
    failures: 0,
    refreshes: 0,
  }
}

/** The wanted user changes: whoever waited on the old one is told, and its fetch is no longer needed. */
function dropTarget(s: EngineState, error: SessionError, fx: Effect[]): EngineState {
  if (s.target !== null) fx.push({ type: 'reject-login', userID: s.target, error })
  stopTimers(fx, 'login-timeout')
  if (s.backoff) stopTimers(fx, 'backoff')
  let next: EngineState = { ...s, backoff: false }
  if (s.fetch && !s.fetch.background) {
    fx.push({ type: 'abort-fetch', id: s.fetch.id })
    stopTimers(fx, 'fetch-timeout')
    next = { ...next, fetch: null }
  }
  return next
}

function startBackgroundFetch(s: EngineState, fx: Effect[]): EngineState {
  const userID = s.sdkUser!
  const id = s.seq + 1
  fx.push({ type: 'fetch', id, userID, reason: 'proactive' })
  fx.push({ type: 'start-timer', timer: 'fetch-timeout', ms: s.config.fetchTimeout })
  return { ...s, seq: id, fetch: { id, userID, reason: 'proactive', background: true } }
}

function rejectRefresh(s: EngineState, error: SessionError, fx: Effect[]): EngineState {
  fx.push({ type: 'reject-refresh', error })
  return s
}

function abortBackgroundFetch(s: EngineState, fx: Effect[]): EngineState {
  if (!s.fetch?.background) return s
  fx.push({
    type: 'reject-refresh',
    error: new SessionError('superseded'),
  })
  fx.push({ type: 'abort-fetch', id: s.fetch.id })
  stopTimers(fx, 'fetch-timeout')
  return { ...s, fetch: null }
}

/**
 * The one place that starts SDK calls and fetches. When nothing is in flight it moves the SDK one step
 * towards the wanted user: log out whoever else is signed in, then log in with a sig (fetching one first).
 */
function advance(s: EngineState, fx: Effect[]): EngineState {
  if (s.disposed || s.call !== null || s.backoff || s.sdkLeaving) return s
  if (s.fetch !== null && !s.fetch.background) return s
  const target = s.target
  if (s.sdkUser !== null && s.sdkUser !== target) {
    const id = s.seq + 1
    fx.push({ type: 'sdk-logout', id })
    return { ...s, seq: id, call: { op: 'logout', id } }
  }
  if (target === null || s.sdkUser === target) return s
  if (s.fetch !== null) {
    // A background fetch for someone else: not needed any more.
    return advance(abortBackgroundFetch(s, fx), fx)
  }
  const sig = s.sig?.userID === target && !s.rejected.includes(s.sig.value) ? s.sig : null
  if (sig !== null) {
    const id = s.seq + 1
    fx.push({ type: 'sdk-login', id, userID: target, userSig: sig.value })
    fx.push({ type: 'start-timer', timer: 'login-timeout', ms: s.config.loginTimeout })
    return { ...s, seq: id, sig, call: { op: 'login', id, userID: target, timedOut: false } }
  }
  const id = s.seq + 1
  const reason = s.refreshes > 0 ? 'expired' : s.failures > 0 ? 'retry' : 'login'
  fx.push({ type: 'fetch', id, userID: target, reason })
  fx.push({ type: 'start-timer', timer: 'fetch-timeout', ms: s.config.fetchTimeout })
  return { ...s, seq: id, sig: null, fetch: { id, userID: target, reason, background: false } }
}

/** A logout is done when the SDK is signed out and nothing is in flight. */
function settleLogout(s: EngineState, fx: Effect[]): EngineState {
  if (!s.loggingOut || s.target !== null || s.sdkUser !== null || s.call !== null) return s
  fx.push({ type: 'resolve-logout' })
  if (s.lastUser !== null) fx.push({ type: 'emit', name: 'logged-out', payload: { userID: s.lastUser } })
  return { ...s, loggingOut: false }
}

function stopTimers(fx: Effect[], ...timers: TimerName[]) {
  for (const timer of timers) fx.push({ type: 'stop-timer', timer })
}

function superseded(): SessionError {
  return new SessionError('superseded')
}
