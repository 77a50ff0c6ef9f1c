import type { ChatEventHandler } from './chatEvent'
import type { NetState } from './chatTypes'
import type { FakeChatService, FakeChatServiceOptions, FakeKickKind } from './createFakeChatService'

/** Options of {@link createFakeChat}: a shared service (for several clients), or the options of a private one. */
export interface FakeChatOptions extends FakeChatServiceOptions {
  /**
   * The backend to log in to. Default: a fresh private service built from the other options; with a service,
   * only `latency` is read from here (as this client's own round-trip time).
   */
  readonly service?: FakeChatService
}

/** `login()`'s value on a fresh login (3.6.6 also sends customStatus, purchaseBits…; the fake leaves them out). */
export interface FakeFreshLoginData {
  readonly errorCode: 0
  readonly errorInfo: string
  /** Session credential. The real one must never be logged or stored. */
  readonly a2Key: string
  readonly tinyID: string
  readonly instanceID: number
  /** Heartbeat period in seconds, as the server sends it. */
  readonly helloInterval: number
  /** Server time in Unix seconds. */
  readonly timeStamp: number
}

/** `login()`'s value when already logged in: no request is sent and the session keeps its first user. */
export interface FakeRepeatLoginData {
  readonly actionStatus: 'OK'
  readonly errorCode: 0
  readonly errorInfo: string
  readonly repeatLogin: true
}

/** What the fake's `login()` resolves with, shaped as 3.6.6 answers. */
export interface FakeLoginResponse {
  readonly code: 0
  readonly data: FakeFreshLoginData | FakeRepeatLoginData
}

/** How many times the app called each session method of a fake client (`chat.fake.calls`). */
export interface FakeChatCalls {
  readonly login: number
  readonly logout: number
  readonly destroy: number
}

/** Test controls: what the network, the server and the other devices would do. */
export interface FakeChatControls {
  /** The backend this client talks to. */
  readonly service: FakeChatService
  /** How many times the app called each method (including calls that threw or were rejected). */
  readonly calls: FakeChatCalls
  /** Exceptions thrown by the app's event handlers: the SDK swallows them; a test can assert there are none. */
  readonly handlerErrors: readonly unknown[]
  /** The socket state as the SDK sees it (starts `connected`; only changes are emitted). */
  netState(): NetState
  /** Round-trip time of this client's requests in ms; 0 answers on a microtask. */
  setLatency(ms: number): void
  /** The next login that reaches the server is rejected with this code (70001/20002 also recycle the socket). */
  failNextLogin(code: number, message?: string): void
  /** The next login is never answered, so it rejects with 2801 after the SDK's 90 s timeout. */
  hangNextLogin(): void
  /**
   * A server kick of this client. Multi-device/account: the SDK logs out (one round trip), then KICKED_OUT
   * and SDK_NOT_READY. REST API: KICKED_OUT, SDK_NOT_READY, then the socket reconnects.
   * Returns false if not logged in.
   */
  kick(kind: FakeKickKind): boolean
  /** The server says 70001 now: KICKED_OUT userSigExpired, SDK_NOT_READY, reconnect. False if logged out. */
  expireSig(): boolean
  /** Sets the socket state; going back to `connected` sends the requests that waited. */
  setNet(state: NetState): void
  /**
   * The server closes the socket: `connecting`, `connected` one round trip later; the session survives.
   * A socket younger than 1 s counts as a failed connect, as in the SDK: `disconnected`, then `connected`.
   */
  drop(): void
  /**
   * Gateway unreachable for `ms`: `connecting`, then `disconnected` one round trip later (the reconnect is
   * refused); every 3.5 s a retry shows `connecting` → `disconnected`; when it is back, `connected`.
   * `isReady()` stays true throughout.
   */
  outage(ms: number): void
  /** Handlers registered across all events. */
  listenerCount(): number
}

/**
 * The part of a `@tencentcloud/chat` 3.6.6 instance a session layer uses, with the same behaviour
 * (`getConversationList` stands for every API behind the ready-guard).
 */
export interface FakeChat {
  login(options: { userID: string; userSig: string }): Promise<FakeLoginResponse>
  /** Typed `Promise<void>` as in the SDK's d.ts; resolves `{code: 0, data: {}}` at runtime, like the SDK. */
  logout(): Promise<void>
  isReady(): boolean
  getLoginUser(): string
  on(eventName: string, handler: ChatEventHandler, context?: unknown): void
  off(eventName: string, handler: ChatEventHandler, context?: unknown): void
  /** Typed `Promise<void>` as in the d.ts; settles like `logout()` (rejects 2024 when not logged in). */
  destroy(): Promise<void>
  getConversationList(): Promise<{ code: 0; data: { conversationList: unknown[]; isSyncCompleted: boolean } }>
  readonly fake: FakeChatControls
}
