import type { EngineState } from './engineState'
import { prefetchAt } from './onSig'
import { STUCK_EVERY } from './onStuck'
import {
  abortBackgroundFetch,
  beginCycle,
  emit,
  isLoggedIn,
  loginCall,
  NO_GOAL,
  type Step,
  sdkUserOf,
  settle,
  startFetch,
  targetOf,
} from './step'

/**
 * The one reconcile step, run after every event: it compares what the app wants (`goal`) with where the SDK is
 * (`phase`) and closes the gap. A login that just completed is announced; when nothing is in flight the SDK is
 * moved one step towards the wanted user (log out whoever else is signed in, then log in with a sig, fetching
 * one first); a logout whose SDK is signed out is done. The only place that starts SDK calls and login fetches.
 */
export function advance(s: Step, before: EngineState): void {
  if (!isLoggedIn(before) && isLoggedIn(s)) onLoggedIn(s)
  moveSdk(s)
  if (s.goal.name === 'sign-out' && s.phase.name === 'signed-out' && s.call === null) {
    settle(s, { op: 'logout' })
    if (s.lastUser !== null) {
      emit(s, 'logged-out', { userID: s.lastUser })
      s.effects.push({ type: 'tab-note', note: { type: 'signed-out', userID: s.lastUser } })
    }
    s.goal = NO_GOAL
    s.recovery = null
  }
}

/** The SDK became ready as the wanted user: the login is done, counters reset, a proactive refresh planned. */
function onLoggedIn(s: Step): void {
  const user = targetOf(s)!
  delete s.timers.login
  settle(s, loginCall(user))
  if (s.refreshes > 0) emit(s, 'sig-refreshed', { userID: user, expiresAt: s.sig?.expiresAt ?? null })
  emit(s, 'logged-in', { userID: user })
  const sig = s.sig?.userID === user ? s.sig : null
  if (sig?.expiresAt != null) s.timers.prefetch = prefetchAt(sig, s.config.refreshLeeway)
  s.sig = sig
  s.recovery = null
  beginCycle(s)
}

function moveSdk(s: Step): void {
  const target = targetOf(s)
  const sdkUser = sdkUserOf(s)
  if (s.call || s.timers.backoff !== undefined || s.phase.name === 'leaving-after-kick') return
  if (s.fetch && !s.fetch.background) return
  if (sdkUser !== null && sdkUser !== target) {
    const id = ++s.seq
    s.effects.push({ type: 'sdk-logout', id })
    s.call = { op: 'logout', id }
    return
  }
  if (target === null || sdkUser === target) return
  // A background fetch for someone else: not needed any more.
  abortBackgroundFetch(s)
  const sig = s.sig
  if (sig?.userID === target && !s.rejected.includes(sig.value)) {
    const id = ++s.seq
    // A tab the user is not in (opened in the background, say) does not take the session from the one they use.
    const unlessLive = s.config.tabs === 'follow-focus' && !s.focused
    s.effects.push({ type: 'sdk-login', id, userID: target, userSig: sig.value, unlessLive })
    // A login sent again on a fresh instance keeps its callers' deadline.
    s.timers.login ??= s.now + s.config.loginTimeout
    if (s.config.replaceable) s.timers.stuck = s.now + STUCK_EVERY
    s.call = { op: 'login', id, userID: target, userSig: sig.value }
  } else {
    s.sig = null
    startFetch(s, target, s.refreshes > 0 ? 'expired' : s.failures > 0 ? 'retry' : 'login', false)
  }
}
