import type { Session, SessionEventType } from '../src/index'

const EVENT_TYPES: readonly SessionEventType[] = [
  'kicked',
  'sig-expired',
  'sig-refreshed',
  'net-lost',
  'net-restored',
  'login-failed',
  'logged-in',
  'logged-out',
  'paused',
]

/**
 * Records what a test asserts about a session: every session event, each new status, and each new
 * net state (`!` marks `netLost`).
 */
export function recordSession(session: Session) {
  const events: string[] = []
  for (const type of EVENT_TYPES) session.on(type, () => events.push(type))
  const statuses: string[] = []
  const nets: string[] = []
  session.store.subscribe((s) => {
    if (statuses.at(-1) !== s.status) statuses.push(s.status)
    const net = `${s.net}${s.netLost ? '!' : ''}`
    if (nets.at(-1) !== net) nets.push(net)
  })
  return { events, statuses, nets }
}
