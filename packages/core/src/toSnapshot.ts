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
  // The freshest sig held for the user: the one fetched ahead for the next expiry, else the one in use.
  const held = [s.nextSig, s.sig].find((h) => h?.userID === user && h.expiresAt != null)
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
    sig: held ? { expiresAt: held.expiresAt! } : null,
    refresh: s.refresh,
    error: s.error,
  }
}
