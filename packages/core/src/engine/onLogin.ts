import { SessionError } from '../sessionError'
import { validateUserID } from '../validateUserID'
import type { EngineEvent } from './engineEvent'
import { onNet } from './onNet'
import { refreshAfterExpiry, rejectSig } from './onSig'
import { offline, replaceChat } from './onStuck'
import {
  abortFetch,
  dropTarget,
  emit,
  giveUp,
  isLoggedIn,
  letGo,
  loginCall,
  NO_GOAL,
  retryLater,
  type Step,
  sdkUserOf,
  settle,
  superseded,
  targetOf,
  want,
} from './step'

// Signing in, switching users and signing out: the app's calls and the SDK's answers and session events.

export function onLogin(s: Step, { userID }: { readonly userID: string }): void {
  const target = targetOf(s)
  if (target === userID) {
    // Joining the login in flight, or already signed in as that user: no new request (DAU is billed per login).
    if (isLoggedIn(s)) settle(s, loginCall(userID))
    return
  }
  if (target !== null) dropTarget(s, superseded())
  abandonLogin(s)
  want(s, userID)
  s.lastUser = userID
  // A new sign-in answers whatever the user was asked.
  s.recovery = null
  // Nothing is sent for a UserID the platform would refuse; the error lands like any other terminal one.
  const invalid = validateUserID(userID)
  if (invalid) giveUp(s, invalid)
}

export function onRetry(s: Step): void {
  const user = targetOf(s) ?? s.lastUser
  if (user === null) return
  // "Use here" in a paused tab: the user is in it.
  if (s.goal.name === 'paused') s.focused = true
  want(s, user)
  // Still waiting on an SDK login past its deadline: this retry gets a deadline of its own.
  if (s.call?.op === 'login-overdue') s.timers.login = s.now + s.config.loginTimeout
  // Already signed in (the SDK still is, or is again): nothing to retry.
  if (isLoggedIn(s)) settle(s, loginCall(user))
}

export function onLogout(s: Step): void {
  letGo(s, superseded(), { name: 'sign-out' })
  abandonLogin(s)
  s.kicked = s.error = null
  s.refresh = 'idle'
}

/** The end: every caller still waiting is told, nothing is left running, and every later event is ignored. */
export function onDispose(s: Step): void {
  settle(s, null, new SessionError('disposed'))
  if (s.fetch) abortFetch(s)
  s.effects.push({ type: 'detach' })
  s.phase = { name: 'disposed' }
  s.timers = {}
}

export function onSdkLogin(s: Step, event: Extract<EngineEvent, { type: 'sdk-login' }>): void {
  const call = s.call
  const { abandoned } = s
  // An abandoned login the server refused as expired: that sig is never sent again either.
  if (abandoned?.id === event.id && 'error' in event && event.error.kind === 'sig-expired') {
    s.rejected = [...s.rejected.slice(-7), abandoned.sig]
    if (s.sig?.value === abandoned.sig) s.sig = null
  }
  // An abandoned login that still got a session: the SDK has it (advance() logs it out), with that sig, so an
  // expiry kick before its SDK_READY refuses the right sig.
  if (abandoned?.id === event.id && 'result' in event && s.phase.name === 'signed-out')
    s.phase = { name: 'awaiting-ready', user: abandoned.user, sig: abandoned.sig }
  if (call?.op === 'logout' || call?.id !== event.id) return
  s.call = null
  const phase = s.phase
  if ('result' in event) {
    const { repeat, user, ready } = event.result
    const sig = 'sig' in phase ? phase.sig : null
    // repeatLogin: the SDK kept the session it had, with whatever sig that one used. So it does when a login the
    // engine abandoned landed first: the SDK's user is the truth, and advance() logs that one out.
    if (!repeat && (!user || user === call.userID))
      s.phase =
        'user' in phase
          ? { ...phase, user: call.userID, sig: call.userSig }
          : { name: 'awaiting-ready', user: call.userID, sig: call.userSig }
    else s.phase = user ? { name: ready ? 'ready' : 'awaiting-ready', user, sig } : { name: 'signed-out' }
    return
  }
  // A login for a user no longer wanted (switch, logout) or already given up on: its outcome does not matter.
  if (targetOf(s) !== call.userID) return
  delete s.timers.login
  const { error } = event
  if (error.kind === 'sig-expired') {
    rejectSig(s, call.userSig)
    refreshAfterExpiry(s, call.userID, error.code)
  } else if (error.kind === 'sig-invalid' || error.kind === 'sig-mismatch') {
    rejectSig(s, call.userSig)
    giveUp(s, error)
  } else if (!error.retryable) giveUp(s, error)
  // The engine's own timeout already counted this attempt.
  else if (call.op === 'login') {
    // 2025: the SDK still holds a login the engine abandoned and refuses others for 15 s after it started. Not a
    // failed attempt: ask again every 3 s until it lets this one through.
    if (error.kind === 'repeat-login') s.failures--
    retryLater(
      s,
      error.kind === 'repeat-login'
        ? new SessionError('repeat-login', 2025, undefined, undefined, 3000)
        : error,
    )
  }
}

export function onSdkLogout(s: Step, { id }: { readonly id: number }): void {
  // The SDK resolves logout even when the request failed: either way it is signed out.
  if (s.call?.op === 'logout' && s.call.id === id) {
    s.call = null
    s.phase = { name: 'signed-out' }
  }
}

export function onReady(s: Step, { user }: { readonly user: string }): void {
  const { call, phase } = s
  // A ready SDK has its socket: a fresh instance says nothing when its socket opens.
  if (s.net !== 'connected') onNet(s, { net: 'connected' })
  if (call && call.op !== 'logout' && call.userID === user) {
    // Ready before the login call settled: that call's sig is the session's.
    s.phase = { name: 'ready', user, sig: call.userSig }
  } else if ('user' in phase && phase.user === user) s.phase = { ...phase, name: 'ready' }
  else if (call === null && phase.name === 'signed-out' && user) {
    // Signed in without the engine asking (also at start, when the app logged in first): mirror it, don't fight
    // it; unless it is a login the engine abandoned, which advance() now logs out.
    s.phase = { name: 'ready', user, sig: null }
    if (s.goal.name === 'none' && user !== s.abandoned?.user) s.goal = { name: 'user', userID: user }
  }
  s.abandoned = null
}

/**
 * A logout or a switch does not wait on an SDK login that has no session yet (the SDK cannot cancel one, and
 * against a silent server it never settles): the call is let go, and the session it may still open is logged out.
 */
function abandonLogin(s: Step): void {
  const { call } = s
  if (call && call.op !== 'logout' && s.phase.name === 'signed-out') {
    delete s.timers.login
    // With the app's factory the login goes with its instance: nothing can land later, no 15 s guard to wait out.
    if (s.config.replaceable) replaceChat(s)
    else {
      s.abandoned = { user: call.userID, id: call.id, sig: call.userSig }
      s.call = null
    }
  }
}

export function onNotReady(s: Step): void {
  const user = sdkUserOf(s)
  if (user === null) return
  const expected = s.phase.name === 'leaving-after-kick' || s.call?.op === 'logout'
  s.phase = { name: 'signed-out' }
  // Signed out without a kick and not by the engine (the app called chat.logout()): follow it, don't re-login.
  if (!expected && targetOf(s) === user) {
    emit(s, 'logged-out', { userID: user })
    letGo(s, superseded(), NO_GOAL)
  }
}

export function onLoginDue(s: Step): void {
  const target = targetOf(s)
  const call = s.call && s.call.op !== 'logout' ? s.call : null
  const pendingLogin = call !== null && call.userID === target
  const awaitingReady = target !== null && s.phase.name !== 'ready' && sdkUserOf(s) === target
  if (!pendingLogin && !awaitingReady && !offline(s)) return
  // The SDK call cannot be cancelled; it stays in flight and no second one starts until it settles, but the
  // callers hear of the timeout now (the session keeps trying: the SDK re-sends its login on every reconnect).
  // Stuck offline, it was never an attempt: not counted, no backoff, fresh instances keep sending it (onStuck).
  if (call) s.call = { ...call, op: 'login-overdue' }
  const error = new SessionError('timeout', undefined, 'login')
  settle(s, loginCall(target!), error)
  if (offline(s)) {
    s.error = error
    emit(s, 'login-failed', { userID: target!, error })
    return
  }
  retryLater(s, error)
  // On a socket that stayed up the server has the login and does not answer it; the SDK would wait 90 s. With the
  // app's factory it goes with its instance: the next attempt, after the backoff, is on a fresh one. (A socket
  // recycled meanwhile is a silent server: the SDK re-sends by itself, within 3 s of the server's return.)
  if (s.config.replaceable && !call?.resent) abandonLogin(s)
}
