import type { EngineEvent } from './engineEvent'
import {
  abortBackgroundFetch,
  beginCycle,
  dropTarget,
  emit,
  NO_GOAL,
  type Step,
  superseded,
  targetOf,
  want,
} from './step'

// The other tabs of this app. The platform allows one web session per account: a tab signing in kicks the
// others. A kick linked to another tab's note is this browser's own: under `follow-focus` the kicked tab pauses
// and takes the session back when the user returns to it, so the tab in use is the live one.

/** How close a takeover note from another tab and a multi-account kick must be to be linked. */
const TAKEOVER_WINDOW = 10_000

/** A takeover note or a kick for `user` close enough in time to the other one to be linked. */
export const recent = (s: Step, mark: { userID: string; at: number } | null, user: string): boolean =>
  mark?.userID === user && s.now - mark.at < TAKEOVER_WINDOW

/**
 * Another tab has the session: stop quietly. No fetch, no failure, no dialog; the sig held stays for the
 * takeover, which then needs no fetch while it is valid.
 */
export function pause(s: Step, user: string): void {
  dropTarget(s, superseded())
  delete s.timers.prefetch
  abortBackgroundFetch(s)
  beginCycle(s)
  s.goal = { name: 'paused', userID: user }
  s.lastUser = user
  s.recovery = s.tabTakeover = null
  emit(s, 'paused', { userID: user })
}

export function onTab(s: Step, { note, userID }: Extract<EngineEvent, { type: 'tab' }>): void {
  const paused = s.goal.name === 'paused' && s.goal.userID === userID
  if (note === 'signed-out') {
    // The user signed out in another tab: a tab paused for them must not bring the session back.
    if (paused) {
      s.goal = NO_GOAL
      s.sig = s.nextSig = null
      emit(s, 'logged-out', { userID })
    }
    return
  }
  // The note and the kick race (the kick comes from the server, the note from the other tab): either order.
  const kicked = s.kicked
  if (kicked?.reason !== 'multi-account' || !recent(s, kicked, userID)) {
    if (!paused) s.tabTakeover = { userID, at: s.now }
  } else if (s.config.tabs === 'follow-focus') pause(s, userID)
  else {
    s.kicked = { ...kicked, fromThisBrowser: true }
    if (s.recovery?.reason === 'kicked') s.recovery = { ...s.recovery, kicked: s.kicked }
    s.tabTakeover = null
  }
}

/** A login this tab, not in use, was about to send found another tab live for the user: it pauses instead. */
export function onLiveElsewhere(s: Step, { id }: { readonly id: number }): void {
  const { call } = s
  if (call?.op !== 'login' || call.id !== id) return
  s.call = null
  if (targetOf(s) === call.userID) pause(s, call.userID)
}

/** Focus for `takeoverDwell` takes the session back; losing it before then (a glance, alt-tab) does not. */
export function onFocus(s: Step, { focused }: { readonly focused: boolean }): void {
  s.focused = focused
  if (!focused) delete s.timers.takeover
  else if (s.goal.name === 'paused') s.timers.takeover ??= s.now + s.config.takeoverDwell
}

/**
 * The user is back in a paused tab (a pointer or key press, focus that lasted, or "Use here"): it takes the
 * session over, as the tab in use (even where the page cannot tell it has the focus, e.g. in an iframe).
 */
export function takeOver(s: Step): void {
  delete s.timers.takeover
  if (s.goal.name === 'paused') {
    s.focused = true
    want(s, s.goal.userID)
  }
}
