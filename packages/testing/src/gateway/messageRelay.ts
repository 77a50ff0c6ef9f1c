import type { CommandContext, CommandHandler } from './commandHandler'
import type { GatewayLogger } from './localGateway'
import { MessageStore, type StoredMessage } from './messageStore'

/**
 * The message commands of `@tencentcloud/chat` 3.6.6 the relay answers (`service.command`), and the push.
 * Findings behind each wire shape: docs/gateway-messaging.md.
 *
 * @example
 * if (frame.head.servcmd === MESSAGE_SERVCMD.send) relay.handle(context)
 */
export const MESSAGE_SERVCMD = {
  /** `sendMessage` of a C2C message. */
  send: 'openim.sendmsg',
  /** `getMessageList` of a C2C conversation (roaming history), pages of `MaxCnt`, older first via `MsgKey`. */
  history: 'openim.getroammsg',
  /** Unread/missed-message sync after every login and reconnect (the SDK's cookie picks up where it left). */
  sync: 'openim.getmsg',
  /** The conversation list (paged), fetched once per login. */
  conversations: 'recentcontact.page_get',
  /** `setMessageRead` of a C2C conversation. */
  read: 'openim.msgreaded',
  /** When the peer last read (asked after a history page). */
  peerReadTime: 'openim.get_peer_read_time',
  /** Per-peer mute flags (asked for a new C2C conversation). */
  muteFlags: 'openim.get_c2c_peer_mute_notifications',
  /** Conversation marks and groups of new conversations (asked when one appears). */
  convMarks: 'recentcontact.search_contact_group',
  /** Server push of new messages: `{ EventArray: [{ Event, C2cMsgArray: [...] }] }`. */
  push: 'im_open_push.msg_push',
} as const

/** `Event` of a C2C message push item (the SDK special-cases 14, 16, 24, 26 and 100 only). */
const C2C_MESSAGE_EVENT = 1

/** `ErrorInfo`-style error the relay answers when a request misses what it needs. */
const BAD_REQUEST = 60_003

type Body = Readonly<Record<string, unknown>>

const str = (value: unknown): string => (typeof value === 'string' ? value : '')
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
const nowSeconds = (): number => Math.floor(Date.now() / 1000)

/** A stored message as the SDK reads one in pushes, syncs and history (it camel-cases these keys). */
function wireMessage(m: StoredMessage): Record<string, unknown> {
  return {
    From_Account: m.from,
    To_Account: m.to,
    MsgSeq: m.seq,
    MsgRandom: m.random,
    MsgTimeStamp: m.time,
    MsgClientTime: m.clientTime,
    ClientSeq: m.seq,
    // `TinyId` → the SDK's `tinyID`, so the receiver's message ID equals the sender's (`tinyId-clientTime-random`).
    TinyId: m.senderTinyId,
    MsgBody: m.body,
    CloudCustomData: m.cloudCustomData,
    From_AccountNick: '',
    From_AccountHeadurl: '',
    IsSystemMsg: 0,
    MsgFlagBits: 0,
  }
}

/**
 * One-to-one text (any element, in fact) message relay between signed-in users of one gateway, in memory:
 * `sendMessage` is stored and pushed to the peer's live instances, a peer without an open socket gets it on
 * its next sync, `getMessageList` pages the history, `getConversationList` lists peers with last message
 * and unread count, `setMessageRead` clears it.
 *
 * @example
 * const service = new SessionService({ ...options, commands: new MessageRelay(console) })
 */
export class MessageRelay implements CommandHandler {
  readonly #store = new MessageStore()
  readonly #log: GatewayLogger | undefined

  constructor(logger?: GatewayLogger) {
    this.#log = logger
  }

  handle(ctx: CommandContext): boolean {
    const body = ctx.frame.body
    switch (ctx.frame.head.servcmd) {
      case MESSAGE_SERVCMD.send:
        this.#send(ctx, body)
        return true
      case MESSAGE_SERVCMD.history:
        this.#history(ctx, body)
        return true
      case MESSAGE_SERVCMD.sync:
        this.#sync(ctx, body)
        return true
      case MESSAGE_SERVCMD.conversations:
        this.#conversations(ctx)
        return true
      case MESSAGE_SERVCMD.read:
        this.#read(ctx, body)
        return true
      case MESSAGE_SERVCMD.peerReadTime: {
        const peers = Array.isArray(body.To_Account) ? body.To_Account.map(str) : []
        ctx.reply({ ReadTime: peers.map((peer) => this.#store.readUpTo(peer, ctx.sender.userID)) })
        return true
      }
      case MESSAGE_SERVCMD.convMarks:
        ctx.reply({ ContactResultItem: [], GroupItem: [] })
        return true
      case MESSAGE_SERVCMD.muteFlags: {
        const peers = Array.isArray(body.Peer_Account) ? body.Peer_Account.map(str) : []
        ctx.reply({
          MuteNotificationsList: peers.map((peer) => ({ Peer_Account: peer, MuteNotifications: 0 })),
        })
        return true
      }
      default:
        return false
    }
  }

  #send(ctx: CommandContext, body: Body): void {
    const to = str(body.To_Account)
    const msgBody = Array.isArray(body.MsgBody) ? body.MsgBody : []
    if (to === '' || msgBody.length === 0) {
      ctx.fail(BAD_REQUEST, 'To_Account and MsgBody are required')
      return
    }
    const { userID: from, tinyId } = ctx.sender
    const { message, duplicate } = this.#store.add({
      from,
      to,
      senderTinyId: tinyId,
      seq: num(body.MsgSeq),
      random: num(body.MsgRandom),
      time: nowSeconds(),
      clientTime: num(body.MsgClientTime) || nowSeconds(),
      body: msgBody,
      cloudCustomData: str(body.CloudCustomData),
    })
    ctx.reply({ MsgTime: message.time, MsgSeq: message.seq })
    if (duplicate) return
    // Online-only messages (`MsgLifeTime: 0`) reach live instances only; everything else is also synced later.
    const reached = ctx.push(to, MESSAGE_SERVCMD.push, {
      // The SDK routes each event by the array it carries; `Event` is only checked for a few special values.
      EventArray: [{ Event: C2C_MESSAGE_EVENT, C2cMsgArray: [wireMessage(message)] }],
    })
    for (const instId of reached) this.#store.markPushed(instId, message.index)
    this.#log?.info('message relayed', { from, to, index: message.index, pushedTo: reached.length })
  }

  #history(ctx: CommandContext, body: Body): void {
    const peer = str(body.Peer_Account)
    const max = Math.min(Math.max(num(body.MaxCnt) || 15, 1), 100)
    const thread = this.#store.thread(ctx.sender.userID, peer)
    // `MsgKey` is opaque to the SDK: here the log index of the oldest message of the previous page.
    const before = Number.parseInt(str(body.MsgKey), 10)
    const older = Number.isFinite(before) ? thread.filter((m) => m.index < before) : thread
    const page = older.slice(-max)
    const complete = page.length === older.length
    ctx.reply({
      Complete: complete ? 1 : 0,
      MsgList: page.map(wireMessage),
      MsgKey: page.length > 0 ? String(page[0]?.index) : '',
      LastMsgTime: page[0]?.time ?? 0,
    })
  }

  #sync(ctx: CommandContext, body: Body): void {
    const me = ctx.sender.userID
    const { instId } = ctx.sender
    const cookie = str(body.Cookie)
    const after = cookie.startsWith('m:') ? Number.parseInt(cookie.slice(2), 10) || 0 : 0
    const fresh = cookie === ''
    // A fresh sync (login) brings what is unread; a later one (reconnect, `needSync`) what this instance missed.
    const list = this.#store
      .inbox(me, after)
      .filter((m) =>
        fresh ? this.#store.unreadFrom(me, m.from).includes(m) : !this.#store.wasPushed(instId, m.index),
      )
      .slice(-100)
    for (const m of list) this.#store.markPushed(instId, m.index)
    const fields: Record<string, unknown> = {
      Cookie: `m:${this.#store.head()}`,
      SyncFlag: 2,
      MsgList: list.map(wireMessage),
    }
    if (fresh) {
      const peers = [...new Set(list.map((m) => m.from))]
      fields.C2CPairUnreadCount = peers.map((peer) => ({
        From_Account: peer,
        UnreadCount: this.#store.unread(me, peer),
      }))
    }
    ctx.reply(fields)
  }

  #conversations(ctx: CommandContext): void {
    const me = ctx.sender.userID
    ctx.reply({
      CompleteFlag: 1,
      SessionItem: this.#store.conversations(me).map(({ peer, last }) => ({
        Type: 1,
        To_Account: peer,
        MsgTime: last.time,
        MsgSeq: last.seq,
        MsgRandom: last.random,
        LastC2CMsgFromAccount: last.from,
        LastMsg: { MsgBody: last.body, CloudCustomData: last.cloudCustomData },
        UnreadMsgCount: this.#store.unread(me, peer),
        C2cPeerReadTime: this.#store.readUpTo(peer, me),
        C2cNick: '',
        C2cImage: '',
      })),
      TimeStamp: 0,
      StartIndex: 0,
      TopTimeStamp: 0,
      TopStartIndex: 0,
    })
  }

  #read(ctx: CommandContext, body: Body): void {
    const readed = body.C2CMsgReaded
    const items =
      typeof readed === 'object' && readed !== null && Array.isArray((readed as Body).C2CMsgReadedItem)
        ? ((readed as Body).C2CMsgReadedItem as unknown[])
        : []
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue
      const { To_Account, LastedMsgTime } = item as Body
      const peer = str(To_Account)
      if (peer !== '') this.#store.markRead(ctx.sender.userID, peer, num(LastedMsgTime) || nowSeconds())
    }
    ctx.reply({})
  }
}
