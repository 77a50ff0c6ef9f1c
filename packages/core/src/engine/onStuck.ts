import type { Step } from './step'

// A login the SDK cannot send: it says `disconnected`, and an SDK that is not signed in reconnects only when
// something asks (its telemetry flush, a minute on). A fresh instance from the app's factory asks at once.

/** How often a login in flight is checked for being stuck offline: the user is back within this after the service. */
export const STUCK_EVERY = 2000

/** Destroys the instance with whatever it is stuck on and makes a fresh one; `advance` logs in on it at once. */
export function replaceChat(s: Step): void {
  const id = ++s.seq
  s.effects.push({ type: 'sdk-reset', id })
  s.call = { op: 'logout', id }
  // The fresh instance opens its socket: it says `disconnected` when it cannot, nothing when it can.
  if (s.net === 'disconnected') s.net = 'connecting'
}

/**
 * Replacing the instance, or a login in flight on one that says it is offline: the server never saw it, so it
 * is not a failed attempt (no count, no backoff) and the engine keeps trying, however long the outage.
 */
export const offline = (s: Step): boolean =>
  s.config.replaceable &&
  s.phase.name === 'signed-out' &&
  (s.call?.op === 'logout' || (s.call !== null && s.net === 'disconnected'))

export function onStuckDue(s: Step): void {
  const { call } = s
  if (!call || call.op === 'logout' || s.phase.name !== 'signed-out') return
  if (s.net === 'disconnected') replaceChat(s)
  else s.timers.stuck = s.now + STUCK_EVERY
}
