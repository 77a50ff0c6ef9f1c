import type { OpenTabLink, TabNote } from '@chat-session/core'

/**
 * Tabs of one browser, in memory: each session given `hub.link()` as its `tabChannel` hears the others' notes
 * (a moment later, as over a BroadcastChannel, never its own) and shares one lock per user, as Web Locks do.
 * A lock held by a tab is let go when its task settles or after `maxHold`, whichever is first.
 *
 * @example
 * const hub = createTabHub()
 * const tabA = createSession({ chat: createFakeChat({ service }), fetchUserSig, tabChannel: hub.link() })
 * const tabB = createSession({ chat: createFakeChat({ service }), fetchUserSig, tabChannel: hub.link() })
 */
export function createTabHub(options: { readonly locks?: boolean } = {}) {
  const tabs = new Set<(note: TabNote) => void>()
  const held = new Map<string, Promise<unknown>>()
  /** Every note posted, in order, with the index of the tab (in link order) that posted it. */
  const notes: { readonly from: number; readonly note: TabNote }[] = []
  let opened = 0
  const link: () => OpenTabLink = () => (onNote) => {
    const from = opened++
    tabs.add(onNote)
    return {
      post(note) {
        notes.push({ from, note })
        for (const tab of tabs) if (tab !== onNote) queueMicrotask(() => tabs.has(tab) && tab(note))
      },
      exclusive(userID, task, maxHold) {
        if (options.locks === false) return void task()
        const turn = (held.get(userID) ?? Promise.resolve()).then(
          () =>
            new Promise<void>((done) => {
              Promise.resolve(task()).then(() => done())
              setTimeout(done, maxHold)
            }),
        )
        held.set(userID, turn)
      },
      close: () => void tabs.delete(onNote),
    }
  }
  return { link, notes, open: () => tabs.size }
}
