/** What one tab of an app tells the others: it is signing `userID` in, or `userID` signed out there. */
export interface TabNote {
  readonly type: 'signing-in' | 'signed-out'
  readonly userID: string
}

/**
 * How the tabs of one app reach each other: notes to the others, a per-user mutual exclusion so that two
 * tabs never sign the same user in at the same moment (the later would kick the earlier mid-login), and a mark
 * of the tab that is live for a user.
 */
export interface TabLink {
  post(note: TabNote): void
  /**
   * Runs `task` while no other tab runs one for `userID`, holding that for at most `maxHold` ms (a login the
   * SDK never settles must not block the other tabs). `liveElsewhere`: another tab holds the live mark for
   * `userID` (false where that cannot be known).
   */
  exclusive(
    userID: string,
    task: (liveElsewhere: boolean) => Promise<unknown> | undefined,
    maxHold: number,
  ): void
  /** This tab is live for `userID` (null: for nobody); the mark goes with the tab when it closes. */
  live(userID: string | null): void
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
    // The live mark is a Web Lock held for as long as this tab is signed in: the browser lets go of it when the
    // tab closes or crashes, so it is never stale. A tab that holds it sends no login, so whoever holds it when a
    // login asks is another tab.
    let mark: string | null = null
    let stop = new AbortController()
    const liveLock = (user: string) => `${name}:live:${user}`
    return {
      post: (note) => channel.postMessage(note),
      exclusive(userID, task, maxHold) {
        if (!locks) return void task(false)
        locks
          .request(
            `${name}:${userID}`,
            () =>
              new Promise((done) => {
                locks
                  .query()
                  .then(
                    ({ held }) => !!held?.some((lock) => lock.name === liveLock(userID)),
                    () => false,
                  )
                  .then(task)
                  .then(done)
                setTimeout(done, maxHold)
              }),
          )
          .catch(() => {})
      },
      live(user) {
        if (!locks || mark === user) return
        stop.abort()
        stop = new AbortController()
        mark = user
        const { signal } = stop
        if (user !== null)
          locks
            .request(liveLock(user), { signal }, () => new Promise((done) => (signal.onabort = done)))
            .catch(() => {})
      },
      close() {
        stop.abort()
        channel.close()
      },
    }
  }
