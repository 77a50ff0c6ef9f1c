import { createChatEmitter } from './chatEmitter'
import { CHAT_EVENT, type ChatEventHandler } from './chatEvent'
import type { KickedOutType, NetState } from './chatTypes'
import {
  createFakeChatService,
  type FakeChatService,
  type FakeChatServiceOptions,
  type FakeKickKind,
  type LoginVerdict,
  linkService,
  type ServiceClient,
} from './createFakeChatService'
import { FakeChatError } from './fakeChatError'
import type { FakeRequestKind } from './fakeServiceFault'

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

// Not-ready reasons (the code the ready-guard rejects with).
const USER_NOT_LOGGED_IN = 2024
const REPEAT_LOGIN = 2025
const NETWORK_TIMEOUT = 2801
const UNCAUGHT_ERROR = 2903
const LOGGING_IN = 3000
const LOGIN_FAILED = 3001
const KICKED_OUT_MULT_DEVICE = 3002
const KICKED_OUT_MULT_ACCOUNT = 3003
const KICKED_OUT_USERSIG_EXPIRED = 3004
const LOGGED_OUT = 3005
const KICKED_OUT_REST_API = 3006

const LOGIN_TIMEOUT_MS = 90_000
const REQUEST_TIMEOUT_MS = 15_000
const REPEAT_LOGIN_GUARD_MS = 15_000
const OUTAGE_RETRY_MS = 3_500
// The SDK counts a socket that closes within 1 s of opening as a failed connect (SocketHandler onClose).
const FAILED_CONNECT_MS = 1_000

interface Session {
  readonly userID: string
  /** Moved to the past when the server expires the session (`service.expire`). */
  expiresAt: number
}

/**
 * A fake `@tencentcloud/chat` instance for tests: same events, payloads, codes and timing as 3.6.6
 * (see the SDK reference sheet), a simulated backend that checks UserSigs, and `fake` controls for kicks,
 * expiry and network trouble. Every timer goes through the global `setTimeout`/`setInterval`/`Date.now`,
 * so `vi.useFakeTimers()` drives it; nothing stays scheduled after `destroy()`.
 *
 * @example
 * const chat = createFakeChat({ secretKey: 'test-key' })
 * const sdkAppId = chat.fake.service.sdkAppId
 * const userSig = await signUserSig({ sdkAppId, secretKey: 'test-key', userID: 'alice', expireSeconds: 600 })
 * chat.on('sdkStateReady', onReady)
 * await chat.login({ userID: 'alice', userSig })
 * chat.fake.kick('multi-device')
 */
export function createFakeChat(options: FakeChatOptions = {}): FakeChat {
  const service = options.service ?? createFakeChatService(options)
  const link = linkService(service)
  let latency = options.latency ?? service.latency
  checkLatency(latency)

  const calls = { login: 0, logout: 0, destroy: 0 }
  const emitter = createChatEmitter()
  const timeouts = new Set<ReturnType<typeof setTimeout>>()
  // Requests made while the socket is down wait here, as the SDK's do, until connected or timed out.
  const waiting = new Set<() => void>()
  let heartbeat: ReturnType<typeof setInterval> | undefined
  let cancelReady: (() => void) | undefined

  let session: Session | undefined
  let ready = false
  let notReadyReason = USER_NOT_LOGGED_IN
  let lastLoginTs = 0
  let net: NetState = 'connected'
  // The SDK opens its socket in create(); every reconnect opens a new one.
  let socketOpenedAt = Date.now()
  // Bumped by every network control, so a reconnect scheduled by an older one does not undo a newer one.
  let netGeneration = 0
  let destroyed = false
  let nextFailure: LoginVerdict | undefined
  let hangNext = false

  function after(ms: number, fn: () => void): () => void {
    const id = setTimeout(() => {
      timeouts.delete(id)
      fn()
    }, ms)
    timeouts.add(id)
    return () => {
      clearTimeout(id)
      timeouts.delete(id)
    }
  }

  /** One network round trip: a timer when there is latency, else a microtask (fake timers need no nudge). */
  function roundTrip(fn: () => void): void {
    if (latency > 0) after(latency, fn)
    else void Promise.resolve().then(fn)
  }

  /** A request over the socket: waits for `connected`, answered by `serve` a round trip later, or times out. */
  function request<T>(
    timeoutMs: number,
    serve: () => T | Promise<T>,
    neverAnswered = false,
    kind: FakeRequestKind = 'other',
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false
      const send = (): void => {
        waiting.delete(send)
        roundTrip(() => {
          if (settled) return
          if (link.faults.swallows(kind)) return link.faults.park(send)
          void Promise.resolve()
            .then(serve)
            .then(
              (value) => {
                if (settled) return
                settled = true
                cancelTimeout()
                resolve(value)
              },
              (error: unknown) => {
                if (settled) return
                settled = true
                cancelTimeout()
                reject(error)
              },
            )
        })
      }
      const cancelTimeout = after(timeoutMs, () => {
        settled = true
        waiting.delete(send)
        link.faults.unpark(send)
        reject(new FakeChatError(NETWORK_TIMEOUT, '', { headSeq: 0 }))
      })
      if (neverAnswered) return
      if (net === 'connected') send()
      else waiting.add(send)
    })
  }

  function setNet(state: NetState): void {
    if (state === net) return
    net = state
    if (state === 'connected') socketOpenedAt = Date.now()
    emitter.emit(CHAT_EVENT.NET_STATE_CHANGE, { state })
    if (state === 'connected') for (const send of [...waiting]) send()
  }

  /** What the SDK reports when the server closes its socket: a young socket is a failed connect. */
  function socketClosedState(): NetState {
    return Date.now() - socketOpenedAt < FAILED_CONNECT_MS ? 'disconnected' : 'connecting'
  }

  /**
   * The SDK recycles its socket after a REST kick, an expiry or a 70001 login: connecting, connected (its
   * forced reconnect says `connecting` whatever the socket's age).
   */
  function reconnect(): void {
    const generation = ++netGeneration
    setNet('connecting')
    roundTrip(() => {
      if (generation === netGeneration && !destroyed) setNet('connected')
    })
  }

  function startSession(userID: string, expiresAt: number): void {
    session = { userID, expiresAt }
    link.online(client, userID)
    heartbeat = setInterval(hello, service.helloInterval)
    // The SDK resolves login() first and schedules SDK_READY with setTimeout(…, 1).
    cancelReady = after(1, () => {
      cancelReady = undefined
      ready = true
      emitter.emit(CHAT_EVENT.SDK_READY)
    })
  }

  function endSession(): void {
    clearInterval(heartbeat)
    heartbeat = undefined
    cancelReady?.()
    cancelReady = undefined
    link.offline(client)
    session = undefined
    ready = false
  }

  /** `_m.reset()`: drops the session and tells the app. */
  function reset(): void {
    endSession()
    emitter.emit(CHAT_EVENT.SDK_NOT_READY)
  }

  function kickedOut(type: KickedOutType, reason: number): void {
    // The app sees KICKED_OUT while isReady()/getLoginUser() still describe the old session.
    emitter.emit(CHAT_EVENT.KICKED_OUT, { type })
    notReadyReason = reason
    reset()
  }

  function onUserSigExpired(): void {
    kickedOut('userSigExpired', KICKED_OUT_USERSIG_EXPIRED)
    reconnect()
  }

  /** The heartbeat: the only way the server gets to say a sig expired while the client is online. */
  function hello(): void {
    const current = session
    if (!current || net !== 'connected') return
    request(REQUEST_TIMEOUT_MS, () => Date.now() > current.expiresAt).then(
      (expired) => {
        if (expired && session === current) onUserSigExpired()
      },
      () => undefined,
    )
  }

  function logoutRequest(): Promise<unknown> {
    // The SDK resolves logout even when wslogout fails or times out.
    return request(REQUEST_TIMEOUT_MS, () => link.offline(client)).catch(() => undefined)
  }

  const client: ServiceClient = {
    serverExpire() {
      if (session) session.expiresAt = Date.now() - 1
    },
    serverKick(kind) {
      const current = session
      if (!current || destroyed) return
      if (kind === 'rest-api') {
        kickedOut('REST_API_Kick', KICKED_OUT_REST_API)
        reconnect()
        return
      }
      // Multi-account/device: the SDK sends wslogout itself and only then tells the app.
      void logoutRequest().then(() => {
        if (session !== current) return
        if (kind === 'multi-account') kickedOut('multipleAccount', KICKED_OUT_MULT_ACCOUNT)
        else kickedOut('multipleDevice', KICKED_OUT_MULT_DEVICE)
      })
    },
  }

  function logout(): Promise<void> {
    const current = session
    if (!current) return Promise.reject(new FakeChatError(USER_NOT_LOGGED_IN))
    notReadyReason = LOGGED_OUT
    const done = logoutRequest().then(() => {
      if (session === current) reset()
      return { code: 0, data: {} }
    })
    // The d.ts says Promise<void> but the SDK resolves {code: 0, data: {}}; the fake does both.
    return done as Promise<unknown> as Promise<void>
  }

  function login(options: { userID: string; userSig: string }): Promise<FakeLoginResponse> {
    calls.login += 1
    const input: unknown = options
    if (!isObject(input) || !isNonEmptyString(input.userID) || !isNonEmptyString(input.userSig)) {
      throw new Error('Params validate failed.')
    }
    const { userID, userSig } = input
    // The socket is gone: like the login that was pending at destroy(), this one never settles.
    if (destroyed) return new Promise<never>(() => undefined)
    notReadyReason = LOGGING_IN
    if (session) {
      return Promise.resolve({
        code: 0,
        data: { actionStatus: 'OK', errorCode: 0, errorInfo: '', repeatLogin: true },
      })
    }
    if (lastLoginTs !== 0 && Date.now() - lastLoginTs <= REPEAT_LOGIN_GUARD_MS) {
      return Promise.reject(new FakeChatError(REPEAT_LOGIN))
    }
    lastLoginTs = Date.now()
    const forced = nextFailure
    nextFailure = undefined
    const hang = hangNext
    hangNext = false

    return new Promise<FakeLoginResponse>((resolve, reject) => {
      const fail = (error: FakeChatError): void => {
        lastLoginTs = 0
        notReadyReason = LOGIN_FAILED
        // The SDK restarts its socket on an expired sig (70001, 20002), even during login.
        if (error.code === 70001 || error.code === 20002) reconnect()
        reject(error)
      }
      request(LOGIN_TIMEOUT_MS, () => forced ?? link.verifyLogin(userID, userSig), hang, 'login').then(
        (verdict) => {
          if (destroyed) return
          if (!verdict.ok) return fail(new FakeChatError(verdict.code, verdict.message))
          lastLoginTs = 0
          // A second wslogin (sent after the 15 s guard) may have won meanwhile; the first session stays.
          if (!session) startSession(userID, verdict.expiresAt)
          const instance = link.nextInstance()
          resolve({
            code: 0,
            data: {
              errorCode: 0,
              errorInfo: '',
              a2Key: `fake-a2key-${instance}`,
              tinyID: `144115${String(instance).padStart(12, '0')}`,
              instanceID: instance,
              helloInterval: Math.max(1, Math.round(service.helloInterval / 1000)),
              timeStamp: Math.floor(Date.now() / 1000),
            },
          })
        },
        (error: unknown) => {
          if (!destroyed) fail(error instanceof FakeChatError ? error : new FakeChatError(UNCAUGHT_ERROR))
        },
      )
    })
  }

  function destroy(): Promise<void> {
    calls.destroy += 1
    if (destroyed) return Promise.reject(new FakeChatError(USER_NOT_LOGGED_IN))
    // From here on, pending logins never settle: their answers are dropped, their timeouts cleared below.
    destroyed = true
    return logout().finally(() => {
      endSession()
      for (const id of timeouts) clearTimeout(id)
      timeouts.clear()
      waiting.clear()
      emitter.emit(CHAT_EVENT.SDK_DESTROY, { SDKAppID: service.sdkAppId })
      emitter.clear()
    })
  }

  function getConversationList(): Promise<{
    code: 0
    data: { conversationList: unknown[]; isSyncCompleted: boolean }
  }> {
    if (!ready) {
      // The ready-guard; the message is '' + ' | api | ' + '' because the SDK's message table is not loaded.
      const error = { code: notReadyReason, message: ' | getConversationList | ' }
      emitter.emit(CHAT_EVENT.ERROR, error)
      return Promise.reject(new FakeChatError(error.code, error.message))
    }
    return Promise.resolve({ code: 0, data: { conversationList: [], isSyncCompleted: true } })
  }

  const fake: FakeChatControls = {
    service,
    calls,
    get handlerErrors() {
      return emitter.handlerErrors
    },
    netState: () => net,
    setLatency(ms) {
      checkLatency(ms)
      latency = ms
    },
    failNextLogin(code, message = '') {
      nextFailure = { ok: false, code, message }
    },
    hangNextLogin() {
      hangNext = true
    },
    kick(kind) {
      if (!session || destroyed) return false
      link.offline(client)
      client.serverKick(kind)
      return true
    },
    expireSig() {
      if (!session || destroyed) return false
      onUserSigExpired()
      return true
    },
    setNet(state) {
      if (destroyed) return
      netGeneration += 1
      setNet(state)
    },
    drop() {
      if (destroyed) return
      const generation = ++netGeneration
      setNet(socketClosedState())
      roundTrip(() => {
        if (generation === netGeneration && !destroyed) setNet('connected')
      })
    },
    outage(ms) {
      if (destroyed) return
      const generation = ++netGeneration
      const current = () => generation === netGeneration && !destroyed
      const endsAt = Date.now() + ms
      // One reconnect attempt: `connecting`, refused a round trip later while the outage lasts.
      const attempt = (): void => {
        setNet('connecting')
        roundTrip(() => {
          if (current() && Date.now() < endsAt) setNet('disconnected')
        })
      }
      if (socketClosedState() === 'disconnected') setNet('disconnected')
      else attempt()
      for (let at = OUTAGE_RETRY_MS; at < ms; at += OUTAGE_RETRY_MS) {
        after(at, () => {
          if (current()) attempt()
        })
      }
      after(ms, () => {
        if (current()) roundTrip(() => current() && setNet('connected'))
      })
    },
    listenerCount: () => emitter.count(),
  }

  const chat: FakeChat = {
    login,
    logout() {
      calls.logout += 1
      return logout()
    },
    isReady: () => ready,
    getLoginUser: () => session?.userID ?? '',
    on(eventName, handler, context) {
      emitter.on(eventName, handler, context)
    },
    off(eventName, handler, context) {
      emitter.off(eventName, handler, context)
    },
    destroy,
    getConversationList,
    fake,
  }
  return chat
}

function checkLatency(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new TypeError('latency must be a non-negative number of ms')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0
}
