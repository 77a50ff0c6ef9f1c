import { SessionError } from '../sessionError'
import type { KickReason } from '../types'
import { refreshAfterExpiry, rejectSig } from './onSig'
import { pause, recent } from './onTab'
import { emit, letGo, NO_GOAL, type Step, settle, startFetch, superseded, targetOf } from './step'

// The server ended the session: an expired sig is refreshed by itself, any other kick waits for the user.

export function onKicked(s: Step, { reason }: { readonly reason: KickReason }) {
  const phase = s.phase
  if (phase.name !== 'awaiting-ready' && phase.name !== 'ready') return
  const user = phase.user
  s.phase = { ...phase, name: 'leaving-after-kick' }
  delete s.timers.prefetch
  const wanted = targetOf(s) === user
  if (reason === 'usersig-expired') {
    const next = s.nextSig
    rejectSig(s, phase.sig)
    s.nextSig = null
    // A background fetch still in flight becomes the refresh itself: one fetch, not two.
    if (s.fetch?.background) {
      settle(s, { op: 'refresh' }, superseded())
      s.fetch = { ...s.fetch, background: false, reason: 'expired' }
    }
    if (!wanted) return
    if (next && !s.rejected.includes(next.value) && next.userID === user) s.sig = next
    refreshAfterExpiry(s, user, 70001)
    // Forced expiry (no sig held): the fetch starts now, while the SDK recycles its socket, not at SDK_NOT_READY.
    if (!s.sig && !s.fetch && targetOf(s) === user) startFetch(s, user, 'expired', false)
    return
  }
  const fromThisBrowser = reason === 'multi-account' && recent(s, s.tabTakeover, user)
  // This browser's own other tab took the session: no dialog for that, this tab waits for the user to return.
  if (fromThisBrowser && s.config.tabs === 'follow-focus') return wanted ? pause(s, user) : undefined
  const kicked = { reason, at: s.now, userID: user, fromThisBrowser }
  emit(s, 'kicked', kicked)
  if (!wanted) return
  // A login still waiting for SDK_READY ends here: its callers learn why.
  letGo(s, new SessionError('kicked'), NO_GOAL)
  s.tabTakeover = null
  s.lastUser = user
  s.kicked = kicked
  s.recovery = { reason: 'kicked', kicked, error: null }
}
