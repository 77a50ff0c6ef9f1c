/** What one tab of an app tells the others: it is signing `userID` in, or `userID` signed out there. */
export interface TabNote {
  readonly type: 'signing-in' | 'signed-out'
  readonly userID: string
}

/**
 * How the tabs of one app reach each other: notes to the others, and a per-user mutual exclusion so that two
 * tabs never sign the same user in at the same moment (the later would kick the earlier mid-login).
 */
export interface TabLink {
  post(note: TabNote): void
  /**
   * Runs `task` while no other tab runs one for `userID`, holding that for at most `maxHold` ms (a login the
   * SDK never settles must not block the other tabs).
   */
  exclusive(userID: string, task: () => Promise<unknown> | undefined, maxHold: number): void
  close(): void
}

/**
 * Opens a {@link TabLink}; `onNote` hears the other tabs' notes (never this tab's own). The default is
 * {@link broadcastTabLink}; tests and non-browser hosts pass their own.
 *
 * @example
 * createSession({ chat, fetchUserSig, tabChannel: broadcastTabLink('my-app-chat') })
 */
export type OpenTabLink = (onNote: (note: TabNote) => void) => TabLink

/**
 * The browser's link: a BroadcastChannel named `name` for notes and a Web Lock per user. Where Web Locks are
 * missing the task runs at once (the notes still tell a takeover from a kick); without BroadcastChannel there is
 * no link at all. The session opens it itself from a `tabChannel` name; call it to share one name in code.
 *
 * @example
 * createSession({ chat, fetchUserSig, tabChannel: broadcastTabLink('my-app-chat') })
 */
export const broadcastTabLink =
  (name: string): OpenTabLink =>
  (onNote) => {
    const channel = new BroadcastChannel(name)
    channel.onmessage = ({ data }: MessageEvent<Partial<TabNote> | null>) => {
      if ((data?.type === 'signing-in' || data?.type === 'signed-out') && typeof data.userID === 'string')
        onNote({ type: data.type, userID: data.userID })
    }
    const locks = (globalThis.navigator as Navigator | undefined)?.locks
    return {
      post: (note) => channel.postMessage(note),
      exclusive(userID, task, maxHold) {
        if (!locks) return void task()
        locks
          .request(
            `${name}:${userID}`,
            () =>
              new Promise((done) => {
                Promise.resolve(task()).then(done)
                setTimeout(done, maxHold)
              }),
          )
          .catch(() => {})
      },
      close: () => channel.close(),
    }
  }
