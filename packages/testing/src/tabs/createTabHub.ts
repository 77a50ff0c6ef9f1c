import type { OpenTabLink, TabNote } from '@chat-session/core'

/**
 * Tabs of one browser, in memory: each session given `hub.link()` as its `tabChannel` hears the others' notes
 * (a moment later, as over a BroadcastChannel, never its own) and shares one lock per user, as Web Locks do.
 * A lock held by a tab is let go when its task settles or after `maxHold`, whichever is first. The live mark
 * is queued as a Web Lock is: a tab asking for it while another holds it gets it when that one lets go.
 *
 * @example
 * const hub = createTabHub()
 * const tabA = createSession({ chat: createFakeChat({ service }), fetchUserSig, tabChannel: hub.link() })
 * const tabB = createSession({ chat: createFakeChat({ service }), fetchUserSig, tabChannel: hub.link() })
 */
export function createTabHub(options: { readonly locks?: boolean } = {}) {
  const tabs = new Set<(note: TabNote) => void>()
  const held = new Map<string, Promise<unknown>>()
  /** Per user, the tabs that want the live mark, in order: the first holds it (a Web Lock's queue). */
  const live = new Map<string, number[]>()
  /** Every note posted, in order, with the index of the tab (in link order) that posted it. */
  const notes: { readonly from: number; readonly note: TabNote }[] = []
  let opened = 0
  const link: () => OpenTabLink = () => (onNote) => {
    const from = opened++
    tabs.add(onNote)
    /** This tab gives up the live mark, or its place in the queue for it, for every user but `keep`. */
    const leave = (keep: string | null) => {
      for (const [user, queue] of live)
        if (user !== keep)
          live.set(
            user,
            queue.filter((tab) => tab !== from),
          )
    }
    return {
      post(note) {
        notes.push({ from, note })
        for (const tab of tabs) if (tab !== onNote) queueMicrotask(() => tabs.has(tab) && tab(note))
      },
      exclusive(userID, task, maxHold) {
        if (options.locks === false) return void task(false)
        const turn = (held.get(userID) ?? Promise.resolve()).then(
          () =>
            new Promise<void>((done) => {
              const holder = live.get(userID)?.[0]
              Promise.resolve(task(holder !== undefined && holder !== from)).then(() => done())
              setTimeout(done, maxHold)
            }),
        )
        held.set(userID, turn)
      },
      live(userID) {
        if (options.locks === false) return
        leave(userID)
        if (userID !== null && !live.get(userID)?.includes(from))
          live.set(userID, [...(live.get(userID) ?? []), from])
      },
      close() {
        tabs.delete(onNote)
        leave(null)
      },
    }
  }
  return { link, notes, open: () => tabs.size }
}
