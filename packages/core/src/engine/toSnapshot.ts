import type { SessionSnapshot, SessionStatus } from '../types'
import type { EngineState } from './engineState'
import { isLoggedIn, sdkUserOf, targetOf } from './step'

/**
 * The public face of the engine state: what the store holds and the UI reads. Never the sig itself.
 *
 * @example
 * toSnapshot(initialEngineState()).status // 'logged-out'
 */
export function toSnapshot(s: EngineState): SessionSnapshot {
  const user = targetOf(s)
  const signingOut = s.goal.name === 'sign-out'
  const paused = s.goal.name === 'paused' ? s.goal.userID : null
  // The freshest sig held for the user: the one fetched ahead for the next expiry, else the one in use.
  const held = [s.nextSig, s.sig].find((h) => h?.userID === user && h.shown !== null)
  return {
    status: paused ? 'paused' : statusOf(s, user, signingOut),
    userID: user ?? paused ?? (signingOut ? sdkUserOf(s) : null),
    net: s.net,
    netLost: s.netLost,
    kicked: s.kicked,
    recovery: s.recovery,
    sig: held?.shown ?? null,
    refresh: s.refresh,
    error: s.error,
  }
}

function statusOf(s: EngineState, user: string | null, signingOut: boolean): SessionStatus {
  if (s.phase.name === 'disposed') return 'logged-out'
  if (isLoggedIn(s)) return 'logged-in'
  // Not (or not yet) signed in as the wanted user; a logout is in progress until the SDK is signed out.
  return user !== null ? 'logging-in' : signingOut ? 'logging-out' : 'logged-out'
}
