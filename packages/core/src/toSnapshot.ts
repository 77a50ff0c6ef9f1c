import type { EngineState } from './engineState'
import type { SessionSnapshot, SessionStatus } from './types'

/** The public face of the engine state: what the store holds and the UI reads. Never the sig itself. */
export function toSnapshot(s: EngineState): SessionSnapshot {
  return {
    status: statusOf(s),
    userID: s.target ?? (s.loggingOut ? s.sdkUser : null),
    net: s.net,
    netLost: s.netLost,
    kicked: s.kicked,
    sig: s.sig?.expiresAt != null && s.sig.userID === s.target ? { expiresAt: s.sig.expiresAt } : null,
    refresh: s.refresh,
    error: s.error,
  }
}

function statusOf(s: EngineState): SessionStatus {
  if (s.target !== null) return s.ready && s.sdkUser === s.target ? 'logged-in' : 'logging-in'
  if (s.loggingOut && (s.sdkUser !== null || s.call !== null)) return 'logging-out'
  return 'logged-out'
}

/** Field-by-field equality, so the store only notifies when something the UI can see changed. */
export function sameSnapshot(a: SessionSnapshot, b: SessionSnapshot): boolean {
  return (
    a.status === b.status &&
    a.userID === b.userID &&
    a.net === b.net &&
    a.netLost === b.netLost &&
    a.kicked === b.kicked &&
    a.sig?.expiresAt === b.sig?.expiresAt &&
    a.refresh === b.refresh &&
    a.error === b.error
  )
}
