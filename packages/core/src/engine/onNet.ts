import type { NetState } from '../types'
import { emit, type Step, targetOf, want } from './step'

// The connection: the SDK's net state with its grace period, and the browser's `online` event.

export function onNet(s: Step, { net }: { readonly net: NetState }): void {
  if (net === s.net) return
  if (net === 'connected') {
    delete s.timers.net
    if (s.netLost) emit(s, 'net-restored', {})
    s.netLost = false
  } else if (s.net === 'connected') s.timers.net = s.now + s.config.netLostAfter
  s.net = net
  if (s.call?.op === 'login') s.call = { ...s.call, resent: true }
}

export function onNetLostDue(s: Step): void {
  if (s.net !== 'connected' && !s.netLost) {
    emit(s, 'net-lost', { net: s.net })
    s.netLost = true
  }
}

/**
 * A login waiting out a backoff tries now; one that gave up on a transient error (network, timeout, the
 * fetcher) starts over, once per reconnect. Not after a kick, a terminal error or a logout: those wait for the
 * user. When signed in, nothing: the SDK reconnects by itself.
 */
export function onOnline(s: Step): void {
  // A rate limit (`Retry-After`) is not the network's: it still holds.
  if (targetOf(s) !== null) {
    if (s.error?.retryAfter === undefined) delete s.timers.backoff
  } else if (s.error?.retryable && s.kicked === null && s.lastUser !== null) {
    // The refresh failed on the network: trying again by itself, the engine answers it.
    if (s.recovery?.reason === 'sig-expired') s.recovery = null
    want(s, s.lastUser)
  }
}
