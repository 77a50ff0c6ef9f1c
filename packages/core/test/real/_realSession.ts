import { createRequire } from 'node:module'
import { createGatewayChat } from '@chat-session/testing'
import { createNodeChat, type LocalGateway, startLocalGateway } from '@chat-session/testing/gateway'
import type { ChatSDK } from '@tencentcloud/chat'
import { test as base, type Mock, vi } from 'vitest'
import {
  type ChatLike,
  createSession,
  type FetchUserSig,
  fromTencentChat,
  type Session,
  type SessionOptions,
  type SessionSnapshot,
} from '../../src/index'
import { recordSession } from '../_recordSession'
import { makeSig, SDK_APP_ID, SECRET_KEY } from '../_sig'

export interface RealSessionOptions {
  readonly fetchUserSig?: FetchUserSig
  /**
   * Give the session a factory of real instances, all from one copy of the SDK module (as an app's
   * `() => TencentCloudChat.create(…)`: its one-instance cache is cleared by `destroy()`), instead of one instance.
   */
  readonly factory?: boolean
  readonly session?: Partial<Omit<SessionOptions, 'chat' | 'fetchUserSig'>>
}

/** A session on a real SDK instance, with what the tests assert recorded as it happens. */
export interface RealSession {
  /** The SDK instance in use (the latest the factory made). */
  readonly sdk: ChatSDK
  /** Every instance the factory made, in order (the one instance otherwise). */
  readonly made: ChatSDK[]
  readonly session: Session
  readonly fetchUserSig: Mock<FetchUserSig>
  /** Session events, in order. */
  readonly events: string[]
  /** Distinct consecutive statuses of the store. */
  readonly statuses: string[]
  /** Distinct consecutive net states of the store, with netLost as `!` (e.g. `disconnected!`). */
  readonly nets: string[]
  /** userIDs of the SDK `login()` calls the engine made. */
  readonly sdkLogins: string[]
  sdkLogouts(): number
  snapshot(): SessionSnapshot
  fetchReasons(): string[]
}

export interface RealWorld {
  /** This test's own gateway: heartbeat 1 s, the app and key of `../_sig`. */
  readonly gateway: LocalGateway
  session(options?: RealSessionOptions): RealSession
}

const require = createRequire(import.meta.url)

/** A copy of the SDK module of its own, as a page has: `create()` gives one instance per SDKAppID until destroyed. */
function sdkModule(): Parameters<typeof createGatewayChat>[0] {
  // createNodeChat puts the Node stand-in for WebSocket in place.
  createNodeChat(`ws://127.0.0.1:9`, SDK_APP_ID)
    .destroy()
    .catch(() => undefined)
  const path = require.resolve('@tencentcloud/chat')
  delete require.cache[path]
  return require(path)
}

function realSession(gateway: LocalGateway, options: RealSessionOptions): RealSession {
  const sdkLogins: string[] = []
  const made: ChatSDK[] = []
  if (options.factory) {
    const sdk = sdkModule()
    const create = () => {
      const chat = createGatewayChat(sdk, { url: gateway.url, sdkAppId: SDK_APP_ID })
      const login = chat.login.bind(chat)
      chat.login = (params) => {
        sdkLogins.push(params.userID)
        return login(params)
      }
      made.push(chat)
      return chat
    }
    return record(create, made, sdkLogins, () => 0, options)
  }
  const sdk = createNodeChat(gateway.url, SDK_APP_ID)
  made.push(sdk)
  let sdkLogouts = 0
  // The SDK instance as the engine sees it, plus a count of the calls it makes.
  const chat: ChatLike = {
    login: (params) => {
      sdkLogins.push(params.userID)
      return sdk.login(params)
    },
    logout: () => {
      sdkLogouts++
      return sdk.logout()
    },
    isReady: () => sdk.isReady(),
    getLoginUser: () => sdk.getLoginUser(),
    on: (name, handler, context) => sdk.on(name, handler, context),
    off: (name, handler, context) => sdk.off(name, handler, context),
  }
  return record(fromTencentChat(chat), made, sdkLogins, () => sdkLogouts, options)
}

function record(
  chat: SessionOptions['chat'],
  made: ChatSDK[],
  sdkLogins: string[],
  sdkLogouts: () => number,
  options: RealSessionOptions,
): RealSession {
  // tls-sig-api-v2 signs whole seconds: vary the lifetime so every fetch gives a new sig, as a server would.
  let issued = 0
  const fetchUserSig = vi.fn<FetchUserSig>(
    options.fetchUserSig ?? (async (userID) => makeSig(userID, 7 * 86400 + issued++)),
  )
  const session = createSession({
    chat,
    fetchUserSig,
    sdkAppId: SDK_APP_ID,
    tabChannel: false,
    ...options.session,
  })
  const { events, statuses, nets } = recordSession(session)
  return {
    get sdk() {
      return made.at(-1) as ChatSDK
    },
    made,
    session,
    fetchUserSig,
    events,
    statuses,
    nets,
    sdkLogins,
    sdkLogouts,
    snapshot: () => session.getSnapshot(),
    fetchReasons: () => fetchUserSig.mock.calls.map(([, context]) => context.reason),
  }
}

/**
 * `test` with a {@link RealWorld} fixture: a gateway per test and sessions on real SDK instances, all torn
 * down afterwards. Tests of a file can run concurrently (they mostly wait for 1 s heartbeats).
 */
export const test = base.extend<{ world: RealWorld }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures must destructure their context
  world: async ({}, use) => {
    const gateway = await startLocalGateway({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, helloInterval: 1 })
    const made: RealSession[] = []
    await use({
      gateway,
      session: (options = {}) => {
        const created = realSession(gateway, options)
        made.push(created)
        return created
      },
    })
    for (const s of made) s.session.dispose()
    // destroy() rejects with 2024 when not logged in but still stops the SDK's timers and socket.
    await Promise.all(made.flatMap((s) => s.made.map((sdk) => sdk.destroy().catch(() => undefined))))
    await gateway.close()
  },
})

/** Real-time pause. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
