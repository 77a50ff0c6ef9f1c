import { CHAT_KICK_TYPE } from '@chat-session/core'
import type { ChatEmitter } from './chatEmitter'
import { CHAT_EVENT } from './chatEvent'
import type { FakeKickKind, ServiceClient, ServiceLink } from './createFakeChatService'
import type { FakeSocket } from './createFakeSocket'
import { KICKED_OUT, REQUEST_TIMEOUT_MS, USER_NOT_LOGGED_IN } from './sdkCodes'

/** The logged-in user as the SDK holds it: a new object per login, so a late answer can tell its login ended. */
export interface FakeLoggedInUser {
  readonly userID: string
  /** Moved to the past when the server expires the session (`service.expire`). */
  expiresAt: number
}

/**
 * One fake client's login session with the server: who is logged in, whether the SDK is ready, the code its
 * ready-guard rejects with, the heartbeat, and what the server does to the session (kicks, expiry).
 */
export interface FakeSdkSession {
  readonly user: FakeLoggedInUser | undefined
  readonly ready: boolean
  /** The code the ready-guard rejects with while not ready (one of the SDK's not-ready reasons). */
  notReadyReason: number
  /** Logged in: online at the service, heartbeat on, SDK_READY a moment later (the SDK's setTimeout 1). */
  start(userID: string, expiresAt: number): void
  /** Forgets the session without telling the app. */
  end(): void
  /** `_m.reset()`: ends the session and tells the app (SDK_NOT_READY). */
  reset(): void
  /** The server said the sig expired: KICKED_OUT userSigExpired, SDK_NOT_READY, reconnect. */
  sigExpired(): void
  /** The server kicked this client (it goes offline at the service first). */
  kick(kind: FakeKickKind): void
  /** `wslogout`; settles even when it fails or times out, as the SDK's logout does. */
  logoutRequest(): Promise<unknown>
}

/** What the session needs from its client: the events, the socket, the service and whether it was destroyed. */
export interface FakeSdkSessionOptions {
  readonly emitter: ChatEmitter
  readonly socket: FakeSocket
  readonly link: ServiceLink
  /** Heartbeat period, in ms. */
  readonly helloInterval: number
  destroyed(): boolean
}

/**
 * Creates the login session of one fake client (logged out at first).
 *
 * @example
 * const session = createFakeSdkSession({ emitter, socket, link, helloInterval: 30_000, destroyed: () => false })
 * session.start('alice', expiresAt)
 */
export function createFakeSdkSession(options: FakeSdkSessionOptions): FakeSdkSession {
  const { emitter, socket, link } = options
  let heartbeat: ReturnType<typeof setInterval> | undefined
  let cancelReady: (() => void) | undefined
  let user: FakeLoggedInUser | undefined
  let ready = false

  function kickedOut(reason: keyof typeof CHAT_KICK_TYPE): void {
    // The app sees KICKED_OUT while isReady()/getLoginUser() still describe the old session.
    emitter.emit(CHAT_EVENT.KICKED_OUT, { type: CHAT_KICK_TYPE[reason] })
    session.notReadyReason = KICKED_OUT[reason]
    session.reset()
  }

  /** The heartbeat: the only way the server gets to say a sig expired while the client is online. */
  function hello(): void {
    const current = user
    if (!current || socket.net() !== 'connected') return
    socket
      .request(REQUEST_TIMEOUT_MS, () => Date.now() > current.expiresAt)
      .then(
        (expired) => {
          if (expired && user === current) session.sigExpired()
        },
        () => undefined,
      )
  }

  const client: ServiceClient = {
    serverExpire() {
      if (user) user.expiresAt = Date.now() - 1
    },
    serverKick(kind) {
      const current = user
      if (!current || options.destroyed()) return
      if (kind === 'rest-api') {
        kickedOut(kind)
        socket.reconnect()
        return
      }
      // Multi-account/device: the SDK sends wslogout itself and only then tells the app.
      void session.logoutRequest().then(() => {
        if (user !== current) return
        kickedOut(kind)
      })
    },
  }

  const session: FakeSdkSession = {
    get user() {
      return user
    },
    get ready() {
      return ready
    },
    notReadyReason: USER_NOT_LOGGED_IN,
    start(userID, expiresAt) {
      user = { userID, expiresAt }
      link.online(client, userID)
      heartbeat = setInterval(hello, options.helloInterval)
      // The SDK resolves login() first and schedules SDK_READY with setTimeout(…, 1).
      cancelReady = socket.after(1, () => {
        cancelReady = undefined
        ready = true
        emitter.emit(CHAT_EVENT.SDK_READY)
      })
    },
    end() {
      clearInterval(heartbeat)
      heartbeat = undefined
      cancelReady?.()
      cancelReady = undefined
      link.offline(client)
      user = undefined
      ready = false
    },
    reset() {
      session.end()
      emitter.emit(CHAT_EVENT.SDK_NOT_READY)
    },
    sigExpired() {
      kickedOut('usersig-expired')
      socket.reconnect()
    },
    kick(kind) {
      link.offline(client)
      client.serverKick(kind)
    },
    logoutRequest() {
      return socket.request(REQUEST_TIMEOUT_MS, () => link.offline(client)).catch(() => undefined)
    },
  }
  return session
}
