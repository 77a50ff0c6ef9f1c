import { createSession, fromTencentChat } from '../../packages/core/src/index'
import type { ChatSDK } from './_sdk'
import { createGatewayChat, realChat, SDK_APP_ID, sdkModule, sleep } from './_sdk'

/** The app's UserSig endpoint: `n` counts its calls (0 first). */
export type SigSource = (userID: string, n: number) => Promise<string>

/** One way to keep a user signed in, on its own real SDK instance. */
export interface Contender {
  /** The SDK instance in use (the kit with a factory may replace it). */
  readonly chat: ChatSDK
  /** Listens to SDK_READY of every instance the contender uses, now and later; returns the unsubscribe. */
  onSdkReady(listener: () => void): () => void
  /** What a caller (a button, a component) does to sign the user in; settles when that caller is done. */
  signIn(userID: string): Promise<unknown>
  fetches(): number
  sdkLogins(): number
  dispose(): Promise<void>
}

export type ContenderName = 'floor' | 'documented' | 'kit' | 'kit-factory'

/** Counts the SDK logins an integration makes. */
function counted(chat: ChatSDK): { login: ChatSDK['login']; count(): number } {
  let n = 0
  return {
    login: (options: Parameters<ChatSDK['login']>[0]) => {
      n++
      return chat.login(options)
    },
    count: () => n,
  }
}

/** SDK_READY of one instance. */
const readyOf =
  (chat: ChatSDK) =>
  (listener: () => void): (() => void) => {
    chat.on('sdkStateReady', listener)
    return () => chat.off('sdkStateReady', listener)
  }

async function teardown(chat: ChatSDK): Promise<void> {
  // destroy() can stay pending on a silent server: never wait more than 3 s on it.
  await Promise.race([chat.destroy().catch(() => undefined), sleep(3000)])
}

/**
 * The floor: the SDK alone with a valid sig already in hand, logging in once (and, after an expiry kick,
 * once more with another sig in hand). No fetch is ever on its path.
 */
export function floor(url: string, sigInHand: (userID: string) => string): Contender {
  const chat = realChat(url)
  const sdk = counted(chat)
  let userID = ''
  let expired = false
  // Inside its KICKED_OUT handler the SDK still counts itself signed in (a login then answers repeatLogin):
  // the re-login goes out at SDK_NOT_READY, which follows at once.
  chat.on('kickedOut', (e: { data: { type: string } }) => {
    expired = e.data.type === 'userSigExpired'
  })
  chat.on('sdkStateNotReady', () => {
    if (!expired) return
    expired = false
    void sdk.login({ userID, userSig: sigInHand(userID) }).catch(() => undefined)
  })
  return {
    chat,
    onSdkReady: readyOf(chat),
    signIn: (id) => {
      userID = id
      return sdk.login({ userID: id, userSig: sigInHand(id) })
    },
    fetches: () => 0,
    sdkLogins: sdk.count,
    dispose: () => teardown(chat),
  }
}

/**
 * The integration Tencent's login guide describes: fetch a sig from the app's server and log in; when the
 * login fails with 70001 (expired), or KICKED_OUT userSigExpired arrives while online, fetch a new one and log
 * in again. The guide says nothing about network failures; this one calls login() again once the SDK's
 * own login rejects with a network error (2800/2801), as the least an app with a "try again" does.
 */
export function documented(url: string, source: SigSource): Contender {
  const chat = realChat(url)
  const sdk = counted(chat)
  let fetches = 0
  let disposed = false
  const fetchSig = (userID: string) => source(userID, fetches++)
  const signIn = async (userID: string): Promise<unknown> => {
    for (;;) {
      if (disposed) throw new Error('disposed')
      const userSig = await fetchSig(userID)
      try {
        return await sdk.login({ userID, userSig })
      } catch (error) {
        const code = (error as { code?: number }).code
        if (code !== 70001 && code !== 2800 && code !== 2801) throw error
      }
    }
  }
  let lastUser = ''
  chat.on('kickedOut', (e: { data: { type: string } }) => {
    if (e.data.type === 'userSigExpired') void signIn(lastUser).catch(() => undefined)
  })
  return {
    chat,
    onSdkReady: readyOf(chat),
    signIn: (userID) => {
      lastUser = userID
      return signIn(userID)
    },
    fetches: () => fetches,
    sdkLogins: sdk.count,
    dispose: async () => {
      disposed = true
      await teardown(chat)
    },
  }
}

/** Chat Session Kit's engine on the same SDK. */
export function kit(url: string, source: SigSource): Contender {
  const chat = realChat(url)
  const sdk = counted(chat)
  let fetches = 0
  const session = createSession({
    chat: fromTencentChat({
      login: sdk.login,
      logout: () => chat.logout(),
      isReady: () => chat.isReady(),
      getLoginUser: () => chat.getLoginUser(),
      on: (name, handler, context) => chat.on(name, handler, context),
      off: (name, handler, context) => chat.off(name, handler, context),
    }),
    fetchUserSig: (userID) => source(userID, fetches++),
    sdkAppId: SDK_APP_ID,
    tabChannel: false,
  })
  return {
    chat,
    onSdkReady: readyOf(chat),
    signIn: (userID) => session.login(userID),
    fetches: () => fetches,
    sdkLogins: sdk.count,
    dispose: async () => {
      session.dispose()
      await teardown(chat)
    },
  }
}

/**
 * Chat Session Kit given a factory, as an app passes `() => TencentCloudChat.create(…)`: all instances from one
 * copy of the SDK module, so each `create()` after a `destroy()` gives a new one. The session replaces an
 * instance whose login is stuck offline.
 */
export function kitWithFactory(url: string, source: SigSource): Contender {
  const sdk = sdkModule()
  const listeners = new Set<() => void>()
  let logins = 0
  let fetches = 0
  let current: ChatSDK | undefined
  const session = createSession({
    chat: () => {
      const chat = createGatewayChat(sdk, { url, sdkAppId: SDK_APP_ID })
      const login = chat.login.bind(chat)
      chat.login = (options) => {
        logins++
        return login(options)
      }
      chat.on('sdkStateReady', () => {
        for (const listener of listeners) listener()
      })
      current = chat
      return chat
    },
    fetchUserSig: (userID) => source(userID, fetches++),
    sdkAppId: SDK_APP_ID,
    tabChannel: false,
  })
  // The first instance opens its socket now, as the other contenders' do in create().
  session.start()
  return {
    get chat() {
      return current as ChatSDK
    },
    onSdkReady(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    signIn: (userID) => session.login(userID),
    fetches: () => fetches,
    sdkLogins: () => logins,
    dispose: async () => {
      // The session destroys the instance its factory made.
      session.dispose()
      await sleep(100)
    },
  }
}
