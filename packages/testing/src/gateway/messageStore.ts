/** One stored one-to-one message, as the relay keeps it (wire values, not the SDK's camel-cased ones). */
export interface StoredMessage {
  /** Position in the gateway's log, from 1: orders messages and numbers the sync cookies. */
  readonly index: number
  readonly from: string
  readonly to: string
  /** The sender's tiny id: with `clientTime` and `random` it makes the SDK's message ID. */
  readonly senderTinyId: string
  /** The sender's `MsgSeq` (the SDK's per-sender client sequence for C2C). */
  readonly seq: number
  readonly random: number
  /** Server time, unix seconds. */
  readonly time: number
  /** The sender's clock, unix seconds (part of the message ID). */
  readonly clientTime: number
  /** `MsgBody` as sent: `[{ MsgType, MsgContent }]`. */
  readonly body: readonly unknown[]
  readonly cloudCustomData: string
}

/** Both ends of a conversation, in a fixed order, as one key. */
const pairKey = (a: string, b: string): string => JSON.stringify(a < b ? [a, b] : [b, a])

/**
 * The in-memory message log of one gateway: every one-to-one message, who read what, and which instance
 * already got which message. No I/O, no clock: the relay passes time in.
 */
export class MessageStore {
  readonly #log: StoredMessage[] = []
  readonly #byPair = new Map<string, StoredMessage[]>()
  /** `reader\u0000peer` → the last of `peer`'s messages `reader` read: its log index and time. */
  readonly #readMarks = new Map<string, { readonly index: number; readonly time: number }>()
  /** instId → indexes of the messages pushed to that instance (a later sync skips them). */
  readonly #pushed = new Map<number, Set<number>>()

  /** Stores a message; returns it with its log index. A resend (same sender, seq and random) is stored once. */
  add(message: Omit<StoredMessage, 'index'>): { message: StoredMessage; duplicate: boolean } {
    const thread = this.#byPair.get(pairKey(message.from, message.to)) ?? []
    const same = thread.find(
      (m) => m.from === message.from && m.seq === message.seq && m.random === message.random,
    )
    if (same) return { message: same, duplicate: true }
    const stored: StoredMessage = { ...message, index: this.#log.length + 1 }
    this.#log.push(stored)
    thread.push(stored)
    this.#byPair.set(pairKey(message.from, message.to), thread)
    return { message: stored, duplicate: false }
  }

  /** The messages between `a` and `b`, oldest first. */
  thread(a: string, b: string): readonly StoredMessage[] {
    return this.#byPair.get(pairKey(a, b)) ?? []
  }

  /** Everyone `userID` exchanged messages with, and the last message of each, newest first. */
  conversations(userID: string): Array<{ peer: string; last: StoredMessage }> {
    const latest = new Map<string, StoredMessage>()
    for (const m of this.#log) {
      if (m.from === userID) latest.set(m.to, m)
      else if (m.to === userID) latest.set(m.from, m)
    }
    return [...latest].map(([peer, last]) => ({ peer, last })).sort((x, y) => y.last.index - x.last.index)
  }

  /** Messages to `userID` after log index `after`, oldest first. */
  inbox(userID: string, after = 0): StoredMessage[] {
    return this.#log.filter((m) => m.to === userID && m.index > after)
  }

  /** Newest log index. */
  head(): number {
    return this.#log.length
  }

  /**
   * `reader` read `peer`'s messages up to `upTo` (unix seconds), as of now: the mark is kept as a log index, so
   * a message that arrives later in the same second still counts as unread.
   */
  markRead(reader: string, peer: string, upTo: number): void {
    const key = `${reader}\u0000${peer}`
    const read = this.thread(reader, peer).filter((m) => m.from === peer && m.time <= upTo)
    const index = read.at(-1)?.index ?? 0
    const previous = this.#readMarks.get(key)
    if (previous && previous.index >= index) return
    this.#readMarks.set(key, { index, time: read.at(-1)?.time ?? 0 })
  }

  /** Unix seconds of the last of `peer`'s messages `reader` read (0: none), the SDK's peer read time. */
  readUpTo(reader: string, peer: string): number {
    return this.#readMarks.get(`${reader}\u0000${peer}`)?.time ?? 0
  }

  /** `peer`'s messages that `reader` has not read, oldest first. */
  unreadFrom(reader: string, peer: string): StoredMessage[] {
    const index = this.#readMarks.get(`${reader}\u0000${peer}`)?.index ?? 0
    return this.thread(reader, peer).filter((m) => m.from === peer && m.index > index)
  }

  /** How many of `peer`'s messages `reader` has not read. */
  unread(reader: string, peer: string): number {
    return this.unreadFrom(reader, peer).length
  }

  markPushed(instId: number, index: number): void {
    const set = this.#pushed.get(instId) ?? new Set<number>()
    set.add(index)
    this.#pushed.set(instId, set)
  }

  wasPushed(instId: number, index: number): boolean {
    return this.#pushed.get(instId)?.has(index) ?? false
  }
}
