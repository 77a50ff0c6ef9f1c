import type { Step } from './step'

// The other tabs of this app: a note that one of them is signing a user in, linked to a multi-account kick.

/** How close a takeover note from another tab and a multi-account kick must be to be linked. */
const TAKEOVER_WINDOW = 10_000

/** A takeover note or a kick for `user` close enough in time to the other one to be linked. */
export const recent = (s: Step, mark: { userID: string; at: number } | null, user: string): boolean =>
  mark?.userID === user && s.now - mark.at < TAKEOVER_WINDOW

export function onTab(s: Step, { userID }: { readonly userID: string }): void {
  // The note and the kick race (the kick comes from the server, the note from the other tab): either order.
  const kicked = s.kicked
  if (kicked?.reason === 'multi-account' && recent(s, kicked, userID)) {
    s.kicked = { ...kicked, fromThisBrowser: true }
    if (s.recovery?.reason === 'kicked') s.recovery = { ...s.recovery, kicked: s.kicked }
    s.tabTakeover = null
  } else s.tabTakeover = { userID, at: s.now }
}
