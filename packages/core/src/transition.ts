import type { Effect } from './effect'
import type { EngineEnv, EngineEvent } from './engineEvent'
import type { EngineState, HeldSig } from './engineState'
import { SessionError } from './sessionError'
import type { FetchUserSigReason, KickReason, SessionEventMap, SessionEventType } from './types'
import { validateUserID } from './validateUserID'

/** What one `transition` step returns: the next state and the effects for the controller to run, in order. */
export interface TransitionResult {
  readonly state: EngineState
  readonly effects: readonly Effect[]
}

/** How close a takeover note from another tab and a multi-account kick must be to be linked. */
const TAKEOVER_WINDOW = 10_000

/** The longest `Retry-After` the backoff honours (5 minutes). */
const MAX_RETRY_AFTER = 300_000

type Draft = { -readonly [K in keyof EngineState]: EngineState[K] } & {
  timers: { -readonly [K in keyof EngineState['timers']]: EngineState['timers'][K] }
}

/**
 * The session engine: a pure function of the state, one event and the clock. It runs no effect;
 * it returns them as data for the controller. Every rule of the engine lives here.
 * It works on a private copy of the state (`s`), so the steps below update it in place.
 *
 * @example
 * const { state, effects } = transition(initialEngineState(), { type: 'login', userID: 'alice' }, { now: Date.now(), random: 0.5 })
 * // effects: [{ type: 'fetch', userID: 'alice', reason: 'login', ... }]; state.timers.fetch: the fetch deadline
 */
export function transition(state: EngineState, event: EngineEvent, env: EngineEnv): TransitionResult {
  if (state.disposed) return { state, effects: [] }
  const s: Draft = { ...state, timers: { ...state.timers } }
  const { config } = s
  const { now } = env
  const effects: Effect[] = []

  const emit = <K extends SessionEventType>(name: K, payload: SessionEventMap[K]) =>
    effects.push({ type: 'emit', name, payload } as Effect)
  const settle = (
    promise: string | null,
    error?: SessionError,
    value?: { userID: string; expiresAt: number | null },
  ) => effects.push({ type: 'settle', promise, error, value })
  const superseded = () => new SessionError('superseded')
  /** A takeover note or a kick for `user` close enough in time to the other one to be linked. */
  const recent = (mark: { userID: string; at: number } | null, user: string) =>
    mark?.userID === user && now - mark.at < TAKEOVER_WINDOW
  /** Marks `value` as refused by the server: it is never sent again. */
  const rejectSig = (value: string | null) => {
    if (value !== null) s.rejected = [...s.rejected, value]
    s.sig = null
  }
  /** A new login for a user supersedes a logout in progress: its callers are told. */
  const cancelLogout = () => {
    if (s.loggingOut) settle('logout', superseded())
    s.loggingOut = false
  }

  function startFetch(userID: string, reason: FetchUserSigReason, background: boolean) {
    const id = ++s.seq
    effects.push({ type: 'fetch', id, userID, reason })
    s.timers.fetch = now + config.fetchTimeout
    s.fetch = { id, userID, reason, background }
  }

  function abortFetch() {
    effects.push({ type: 'abort-fetch', id: s.fetch!.id })
    s.fetch = null
    delete s.timers.fetch
  }

  /** A background fetch is no longer wanted: its `refreshUserSig()` callers are told. */
  function abortBackgroundFetch() {
    if (s.fetch?.background) {
      settle('refresh', superseded())
      abortFetch()
    }
  }

  /** The wanted user changes or is given up: whoever waited on it is told, its fetch is no longer needed. */
  function dropTarget(error: SessionError) {
    if (s.target !== null) settle(`login:${s.target}`, error)
    delete s.timers.login
    delete s.timers.backoff
    if (s.fetch && !s.fetch.background) abortFetch()
  }

  /** Starts a fresh login cycle (or ends one that succeeded): counters reset, old errors and kicks cleared. */
  function beginCycle() {
    delete s.timers.backoff
    s.failures = s.refreshes = 0
    s.refresh = 'idle'
    s.error = s.kicked = null
  }

  /** A terminal failure: stop, keep the error for the UI, and wait for the user (`retry()` or a new `login()`). */
  function halt(error: SessionError) {
    const user = s.target
    dropTarget(error)
    if (user !== null) emit('login-failed', { userID: user, error })
    s.refresh = s.refreshes > 0 || s.refresh === 'fetching' ? 'failed' : 'idle'
    s.target = null
    s.lastUser = user ?? s.lastUser
    s.error = error
    s.failures = s.refreshes = 0
  }

  /** A transient failure: back off with jitter, or give up after `maxAttempts`. */
  function fail(error: SessionError) {
    if (++s.failures >= config.maxAttempts) return halt(error)
    if (s.target !== null) emit('login-failed', { userID: s.target, error })
    // Exponential with "equal jitter": half the step fixed, half random, so many clients spread out.
    const step = Math.min(config.backoffCap, config.backoffBase * 2 ** (s.failures - 1))
    const jittered = Math.round(step / 2 + (step / 2) * env.random)
    // The server's `Retry-After` is a floor (trying sooner is refused again), capped so a bad header cannot stall.
    s.timers.backoff = now + Math.max(jittered, Math.min(error.retryAfter ?? 0, MAX_RETRY_AFTER))
    s.error = error
  }

  /** A fetch ended without a usable sig: a refresh just reports it, a login retries or stops. */
  function fetchFailed(background: boolean, error: SessionError) {
    if (background) settle('refresh', error)
    else if (error.retryable) fail(error)
    else halt(error)
  }

  /** After an expired sig: fetch a new one and log in again, at most `maxRefreshes` times per cycle. */
  function refreshAfterExpiry(user: string, code: number | undefined) {
    emit('sig-expired', { userID: user })
    if (++s.refreshes > config.maxRefreshes) halt(new SessionError('sig-expired', code, 'exhausted'))
    else s.refresh = 'fetching'
  }

  function startBackgroundFetch() {
    startFetch(s.sdkUser!, 'proactive', true)
  }

  /** The SDK became ready as the wanted user: the login is done, counters reset, a proactive refresh planned. */
  function onLoggedIn() {
    const user = s.target!
    delete s.timers.login
    settle(`login:${user}`)
    if (s.refreshes > 0) emit('sig-refreshed', { userID: user, expiresAt: s.sig?.expiresAt ?? null })
    emit('logged-in', { userID: user })
    const sig = s.sig?.userID === user ? s.sig : null
    if (sig?.expiresAt != null) s.timers.prefetch = prefetchAt(sig, config.refreshLeeway)
    s.sig = sig
    beginCycle()
  }

  function onKicked(reason: KickReason) {
    const user = s.sdkUser
    if (user === null || s.sdkLeaving) return
    s.ready = false
    s.sdkLeaving = true
    delete s.timers.prefetch
    if (reason === 'usersig-expired') {
      const next = s.nextSig
      rejectSig(s.sdkSig)
      s.nextSig = null
      // A background fetch still in flight becomes the refresh itself: one fetch, not two.
      if (s.fetch?.background) {
        settle('refresh', superseded())
        s.fetch = { ...s.fetch, background: false, reason: 'expired' }
      }
      if (s.target !== user) return
      if (next && !s.rejected.includes(next.value) && next.userID === user) s.sig = next
      return refreshAfterExpiry(user, 70001)
    }
    const kicked = {
      reason,
      at: now,
      userID: user,
      fromThisBrowser: reason === 'multi-account' && recent(s.tabTakeover, user),
    }
    emit('kicked', kicked)
    if (s.target !== user) return
    // A login still waiting for SDK_READY ends here: its callers learn why.
    dropTarget(new SessionError('kicked'))
    abortBackgroundFetch()
    s.target = s.sig = s.nextSig = s.tabTakeover = null
    s.lastUser = user
    s.kicked = kicked
  }

  /**
   * The one place that starts SDK calls and fetches. When nothing is in flight it moves the SDK one step
   * towards the wanted user: log out whoever else is signed in, then log in with a sig (fetching one first).
   */
  function advance() {
    const target = s.target
    if (s.disposed || s.call || s.timers.backoff !== undefined || s.sdkLeaving) return
    if (s.fetch && !s.fetch.background) return
    if (s.sdkUser !== null && s.sdkUser !== target) {
      const id = ++s.seq
      effects.push({ type: 'sdk-logout', id })
      s.call = { op: 'logout', id }
      return
    }
    if (target === null || s.sdkUser === target) return
    // A background fetch for someone else: not needed any more.
    abortBackgroundFetch()
    const sig = s.sig
    if (sig?.userID === target && !s.rejected.includes(sig.value)) {
      const id = ++s.seq
      effects.push({ type: 'sdk-login', id, userID: target, userSig: sig.value })
      s.timers.login = now + config.loginTimeout
      s.call = { op: 'login', id, userID: target, userSig: sig.value, timedOut: false }
    } else {
      s.sig = null
      startFetch(target, s.refreshes > 0 ? 'expired' : s.failures > 0 ? 'retry' : 'login', false)
    }
  }

  switch (event.type) {
    case 'login': {
      cancelLogout()
      if (s.target === event.userID) {
        // Joining the login in flight, or already signed in as that user: no new request (DAU is billed per login).
        if (isLoggedIn(s)) settle(`login:${event.userID}`)
        break
      }
      if (s.target !== null) dropTarget(superseded())
      s.target = s.lastUser = event.userID
      beginCycle()
      // Nothing is sent for a UserID the platform would refuse; the error lands like any other terminal one.
      const invalid = validateUserID(event.userID)
      if (invalid) halt(invalid)
      break
    }

    case 'retry':
      s.target ??= s.lastUser
      if (s.target !== null) {
        cancelLogout()
        beginCycle()
        // Already signed in (the SDK still is, or is again): nothing to retry.
        if (isLoggedIn(s)) settle(`login:${s.target}`)
      }
      break

    case 'refresh':
      if (!isLoggedIn(s)) settle('refresh', new SessionError('not-initialized'))
      // A refresh already in flight answers this one too.
      else if (!s.fetch?.background) startBackgroundFetch()
      break

    case 'logout':
      if (s.target !== null) dropTarget(superseded())
      delete s.timers.prefetch
      abortBackgroundFetch()
      s.target = s.sig = s.nextSig = s.kicked = s.error = null
      s.refresh = 'idle'
      s.loggingOut = true
      break

    case 'dispose':
      settle(null, new SessionError('disposed'))
      if (s.fetch) abortFetch()
      effects.push({ type: 'detach' })
      s.disposed = true
      s.loggingOut = false
      s.timers = {}
      break

    case 'fetched': {
      const fetch = s.fetch
      if (fetch?.id !== event.id) break
      s.fetch = null
      delete s.timers.fetch
      if ('error' in event) {
        fetchFailed(fetch.background, event.error)
        break
      }
      const { sig } = event
      const refused =
        sig.identifier !== fetch.userID
          ? new SessionError('sig-mismatch', 70013, 'user')
          : config.sdkAppId !== null && sig.sdkAppId !== config.sdkAppId
            ? new SessionError('sig-mismatch', 70014, 'app')
            : s.rejected.includes(sig.userSig)
              ? new SessionError('sig-expired', 70001, 'stale')
              : null
      if (refused) {
        fetchFailed(fetch.background, refused)
        break
      }
      const held: HeldSig = {
        userID: fetch.userID,
        value: sig.userSig,
        issuedAt: sig.issuedAt,
        expiresAt: sig.expiresAt,
      }
      if (fetch.background) {
        const refreshed = { userID: held.userID, expiresAt: held.expiresAt }
        settle('refresh', undefined, { ...refreshed })
        emit('sig-refreshed', refreshed)
        s.nextSig = held
      } else {
        s.sig = held
      }
      break
    }

    case 'sdk-login': {
      const call = s.call
      if (call?.op !== 'login' || call.id !== event.id) break
      s.call = null
      if ('result' in event) {
        const { repeat, user, ready } = event.result
        // repeatLogin: the SDK kept the session it had, with whatever sig that one used.
        if (repeat) {
          s.sdkUser = user || null
          s.ready = ready
        } else {
          s.sdkUser = call.userID
          s.sdkSig = call.userSig
        }
        break
      }
      // A login for a user no longer wanted (switch, logout) or already given up on: its outcome does not matter.
      if (s.target !== call.userID) break
      delete s.timers.login
      const { error } = event
      if (error.kind === 'sig-expired') {
        rejectSig(call.userSig)
        refreshAfterExpiry(call.userID, error.code)
      } else if (error.kind === 'sig-invalid' || error.kind === 'sig-mismatch') {
        rejectSig(call.userSig)
        halt(error)
      } else if (!error.retryable) halt(error)
      // The engine's own timeout already counted this attempt.
      else if (!call.timedOut) fail(error)
      break
    }

    case 'sdk-logout':
      // The SDK resolves logout even when the request failed: either way it is signed out.
      if (s.call?.op === 'logout' && s.call.id === event.id) {
        s.call = s.sdkUser = s.sdkSig = null
        s.ready = s.sdkLeaving = false
      }
      break

    case 'ready':
      if (s.call?.op === 'login' && s.call.userID === event.user) {
        // Ready before the login call settled: that call's sig is the session's.
        s.sdkUser = event.user
        s.sdkSig = s.call.userSig
        s.ready = true
      } else if (s.sdkUser !== null && s.sdkUser === event.user) s.ready = true
      else if (s.call === null && s.sdkUser === null && event.user) {
        // Signed in without the engine asking (also at start, when the app logged in first): mirror it, don't fight it.
        s.sdkUser = event.user
        s.ready = true
        s.target ??= event.user
      }
      break

    case 'not-ready': {
      const user = s.sdkUser
      s.ready = false
      if (user === null) break
      const expected = s.sdkLeaving || s.call?.op === 'logout'
      s.sdkUser = s.sdkSig = null
      s.sdkLeaving = false
      // Signed out without a kick and not by the engine (the app called chat.logout()): follow it, don't re-login.
      if (!expected && s.target === user) {
        delete s.timers.prefetch
        emit('logged-out', { userID: user })
        dropTarget(superseded())
        abortBackgroundFetch()
        s.target = s.sig = s.nextSig = null
      }
      break
    }

    case 'kicked':
      onKicked(event.reason)
      break

    case 'net':
      if (event.net === s.net) break
      if (event.net === 'connected') {
        delete s.timers.net
        if (s.netLost) emit('net-restored', {})
        s.netLost = false
      } else if (s.net === 'connected') s.timers.net = now + config.netLostAfter
      s.net = event.net
      break

    case 'online':
      // A login waiting out a backoff tries now; one that gave up on a transient error (network, timeout, the
      // fetcher) starts over, once per reconnect. Not after a kick, a terminal error or a logout: those wait for
      // the user. When signed in, nothing: the SDK reconnects by itself.
      // A rate limit (`Retry-After`) is not the network's: it still holds.
      if (s.target !== null) {
        if (s.error?.retryAfter === undefined) delete s.timers.backoff
      } else if (s.error?.retryable && s.kicked === null && s.lastUser !== null) {
        s.target = s.lastUser
        beginCycle()
      }
      break

    case 'tab': {
      // The note and the kick race (the kick comes from the server, the note from the other tab): either order.
      const kicked = s.kicked
      if (kicked?.reason === 'multi-account' && recent(kicked, event.userID)) {
        s.kicked = { ...kicked, fromThisBrowser: true }
        s.tabTakeover = null
      } else s.tabTakeover = { userID: event.userID, at: now }
      break
    }

    case 'timer':
      // The timer has fired: its deadline is gone unless the step below sets a new one.
      delete s.timers[event.timer]
      switch (event.timer) {
        case 'backoff':
          break
        case 'net':
          if (s.net !== 'connected' && !s.netLost) {
            emit('net-lost', { net: s.net })
            s.netLost = true
          }
          break
        case 'fetch': {
          const fetch = s.fetch
          if (!fetch) break
          abortFetch()
          fetchFailed(fetch.background, new SessionError('timeout', undefined, 'fetcher'))
          break
        }
        case 'login': {
          const call = s.call?.op === 'login' ? s.call : null
          const pendingLogin = call?.userID === s.target
          const awaitingReady = s.target !== null && s.sdkUser === s.target && !s.ready
          if (!pendingLogin && !awaitingReady) break
          // The SDK call cannot be cancelled; it stays in flight and no second one starts until it settles.
          if (call) s.call = { ...call, timedOut: true }
          fail(new SessionError('timeout', undefined, 'login'))
          break
        }
        case 'prefetch': {
          const sig = s.sig
          if (s.fetch || !isLoggedIn(s) || sig?.expiresAt == null) break
          const at = prefetchAt(sig, config.refreshLeeway)
          // Long waits are re-armed in steps (setTimeout caps its delay), so check the time has come.
          if (at > now) s.timers.prefetch = at
          else startBackgroundFetch()
          break
        }
        default:
          event.timer satisfies never
      }
      break

    default:
      event satisfies never
  }
  if (!isLoggedIn(state) && isLoggedIn(s)) onLoggedIn()
  advance()
  // A logout is done when the SDK is signed out and nothing is in flight.
  if (s.loggingOut && s.target === null && s.sdkUser === null && s.call === null) {
    settle('logout')
    if (s.lastUser !== null) emit('logged-out', { userID: s.lastUser })
    s.loggingOut = false
  }
  return { state: s, effects }
}

function isLoggedIn(s: EngineState): boolean {
  return s.target !== null && s.ready && s.sdkUser === s.target
}

/** When to fetch the next sig: at 90 % of a short life, else `leeway` before expiry. */
function prefetchAt(sig: HeldSig, leeway: number): number {
  const expiresAt = sig.expiresAt ?? Number.POSITIVE_INFINITY
  const lifetime = sig.issuedAt !== null ? expiresAt - sig.issuedAt : leeway * 10
  return expiresAt - Math.min(leeway, lifetime * 0.1)
}
