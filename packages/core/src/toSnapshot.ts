import type { EngineState } from './engineState'
import type { SessionSnapshot } from './types'

/**
 * The public face of the engine state: what the store holds and the UI reads. Never the sig itself.
 *
 * @example
 * toSnapshot(initialEngineState()).status // 'logged-out'
 */
export function toSnapshot(s: EngineState): SessionSnapshot {
  const user = s.target
  return {
    status:
      user !== null
        ? s.ready && s.sdkUser === user
          ? 'logged-in'
          : 'logging-in'
        : s.loggingOut && (s.sdkUser !== null || s.call !== null)
          ? 'logging-out'
          : 'logged-out',
    userID: user ?? (s.loggingOut ? s.sdkUser : null),
    net: s.net,
    netLost: s.netLost,
    kicked: s.kicked,
    sig: s.sig?.expiresAt != null && s.sig.userID === user ? { expiresAt: s.sig.expiresAt } : null,
    refresh: s.refresh,
    error: s.error,
  }
}
