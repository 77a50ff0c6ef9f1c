import { CHAT_ERROR_CODE } from '@chat-session/core/engine'
import { createChatEmitter } from './chatEmitter'
import { CHAT_EVENT } from './chatEvent'
import { createFakeChatService, type LoginVerdict, linkService } from './createFakeChatService'
import { createFakeSdkSession } from './createFakeSdkSession'
import { createFakeSocket } from './createFakeSocket'
import { FakeChatError } from './fakeChatError'
import type { FakeChat, FakeChatControls, FakeChatOptions, FakeLoginResponse } from './fakeChatTypes'
import {
  freshLoginResponse,
  LOGGED_OUT,
  LOGGING_IN,
  LOGIN_FAILED,
  LOGIN_TIMEOUT_MS,
  REPEAT_LOGIN,
  REPEAT_LOGIN_GUARD_MS,
  UNCAUGHT_ERROR,
  USER_NOT_LOGGED_IN,
} from './sdkCodes'

// Also importable from here, where they used to live.
export type { FakeChat, FakeChatControls, FakeChatOptions, FakeLoginResponse } from './fakeChatTypes'

const { USERSIG_EXPIRED, MSG_A2KEY_EXPIRED } = CHAT_ERROR_CODE

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
  const calls = { login: 0, logout: 0, destroy: 0 }
  const emitter = createChatEmitter()
  let lastLoginTs = 0
  let destroyed = false
  let nextFailure: LoginVerdict | undefined
  let hangNext = false

  const socket = createFakeSocket(
    (state) => emitter.emit(CHAT_EVENT.NET_STATE_CHANGE, { state }),
    options.latency ?? service.latency,
    () => destroyed,
    link.faults,
  )
  const { request, reconnect } = socket
  const session = createFakeSdkSession({
    emitter,
    socket,
    link,
    helloInterval: service.helloInterval,
    destroyed: () => destroyed,
  })

  function logout(): Promise<void> {
    const current = session.user
    if (!current) return Promise.reject(new FakeChatError(USER_NOT_LOGGED_IN))
    session.notReadyReason = LOGGED_OUT
    const done = session.logoutRequest().then(() => {
      if (session.user === current) session.reset()
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
    session.notReadyReason = LOGGING_IN
    if (session.user) {
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
        session.notReadyReason = LOGIN_FAILED
        // The SDK restarts its socket on an expired sig (70001, 20002), even during login.
        if (error.code === USERSIG_EXPIRED || error.code === MSG_A2KEY_EXPIRED) reconnect()
        reject(error)
      }
      request(LOGIN_TIMEOUT_MS, () => forced ?? link.verifyLogin(userID, userSig), hang, 'login').then(
        (verdict) => {
          if (destroyed) return
          if (!verdict.ok) return fail(new FakeChatError(verdict.code, verdict.message))
          lastLoginTs = 0
          // A second wslogin (sent after the 15 s guard) may have won meanwhile; the first session stays.
          if (!session.user) session.start(userID, verdict.expiresAt)
          const instance = link.nextInstance()
          resolve(freshLoginResponse(instance, service.helloInterval))
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
      session.end()
      socket.close()
      emitter.emit(CHAT_EVENT.SDK_DESTROY, { SDKAppID: service.sdkAppId })
      emitter.clear()
    })
  }

  function getConversationList(): Promise<{
    code: 0
    data: { conversationList: unknown[]; isSyncCompleted: boolean }
  }> {
    if (!session.ready) {
      // The ready-guard; the message is '' + ' | api | ' + '' because the SDK's message table is not loaded.
      const error = { code: session.notReadyReason, message: ' | getConversationList | ' }
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
    netState: socket.net,
    setLatency: socket.setLatency,
    failNextLogin(code, message = '') {
      nextFailure = { ok: false, code, message }
    },
    hangNextLogin() {
      hangNext = true
    },
    kick(kind) {
      if (!session.user || destroyed) return false
      session.kick(kind)
      return true
    },
    expireSig() {
      if (!session.user || destroyed) return false
      session.sigExpired()
      return true
    },
    setNet: socket.setNet,
    drop: socket.drop,
    outage: socket.outage,
    listenerCount: () => emitter.count(),
  }

  const chat: FakeChat = {
    login,
    logout() {
      calls.logout += 1
      return logout()
    },
    isReady: () => session.ready,
    getLoginUser: () => session.user?.userID ?? '',
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0
}
