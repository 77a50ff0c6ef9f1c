import {
  createSession,
  decodeUserSig,
  type FetchUserSig,
  type FetchUserSigResult,
  type SessionOptions,
} from '@chat-session/core'
import {
  createFakeChat,
  createFakeChatService,
  type FakeChat,
  type FakeChatService,
  type FakeKickKind,
  signUserSig,
} from '@chat-session/testing'

/**
 * The fake world the stories and the browser tests run in: a fake @tencentcloud/chat backend that checks real
 * UserSigs, this tab's client, an app server that signs sigs in the browser (test key only), and the browser's
 * own network flag. Everything the UI shows comes from the real provider and engine reacting to it.
 */

export const SDK_APP_ID = 1400000042
const SECRET_KEY = 'chat-session-kit-stories-test-key-only'

/** How the app's UserSig endpoint answers. */
export type FetcherMode =
  /** A fresh sig for 10 minutes. */
  | 'ok'
  /** `{ error: 'forbidden' }`: the user may not sign in any more (terminal). */
  | 'forbidden'
  /** The same sig as last time, even after the server rejected it (terminal once seen). */
  | 'stale'
  /** Sigs that are already expired: the server rejects each one, until the engine gives up. */
  | 'expired'
  /** A fresh sig after `slowMs`. */
  | 'slow'
  /** Never answers (until the engine aborts it). */
  | 'hang'
  /** A fresh sig once `release()` is called: a test holds a busy state as long as it needs to look at it. */
  | 'held'

export type EngineTunables = Omit<SessionOptions, 'chat' | 'fetchUserSig'>

export interface FakeSessionConfig {
  /** Signed in by the provider on mount; leave out to sign in with the form. */
  readonly userID?: string | null | undefined
  readonly fetcher?: FetcherMode | undefined
  /** How long a `slow` fetch takes, ms. Default 60 000. */
  readonly slowMs?: number | undefined
  /** Round-trip time of the fake server, ms. Default 0. */
  readonly latency?: number | undefined
  /** Engine tunables for the provider (`netLostAfter`, `maxRefreshes`…). */
  readonly options?: EngineTunables | undefined
}

export interface FakeSession {
  readonly service: FakeChatService
  /** This tab's SDK instance (give it to the provider). */
  readonly chat: FakeChat
  /** The app's UserSig endpoint (give it to the provider). */
  readonly fetchUserSig: FetchUserSig
  /** Engine tunables for the provider, with a tab channel of this fake world's own. */
  readonly options: EngineTunables
  /** Every fetch the engine made, in order. */
  readonly fetches: Array<{ userID: string; reason: string }>
  mode: FetcherMode
  slowMs: number
  /** Answers every `held` fetch waiting now. */
  release(): void
  /** Another device signs in as this tab's user. */
  kick(kind: FakeKickKind): boolean
  /**
   * Another tab of this browser signs in as `userID` (and tells this tab over its BroadcastChannel): this tab
   * pauses (`tabs: 'follow-focus'`, the default) or is kicked (`'ask'`).
   */
  openAnotherTab(userID: string): Promise<void>
  /** The server finds the UserSig expired (KICKED_OUT userSigExpired): the engine refreshes it. */
  expireSig(): boolean
  /** The browser loses its network: `navigator.onLine` false, `offline` event, the SDK's socket goes down. */
  goOffline(): void
  /** The chat server is unreachable while the browser has network: the SDK keeps reconnecting. */
  serverUnreachable(): void
  /** Network and chat server are back: `online` event, the SDK reconnects. */
  reconnect(): void
  /** Ends the fake world: other tabs and this chat destroyed, browser online again. */
  dispose(): void
}

let worlds = 0
// Sigs made in the same second for the same user are byte-identical; a different lifetime keeps each one new,
// as a real server's would be (the engine refuses a sig the server already rejected).
let issued = 0

/** Overrides `navigator.onLine` (the browser's own flag) and fires the event the page would get. */
export function setBrowserOnline(online: boolean): void {
  if (online) Reflect.deleteProperty(navigator, 'onLine')
  else Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}

export function createFakeSession(config: FakeSessionConfig = {}): FakeSession {
  const service = createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
  const chat = createFakeChat({ service, latency: config.latency ?? 0 })
  const tabChannel = `chat-session-fake-${Date.now()}-${++worlds}`
  const others: FakeChat[] = []
  const disposers: Array<() => void> = []
  let last: string | null = null
  let held: Array<() => void> = []

  const sign = (userID: string, expired = false) =>
    signUserSig({
      sdkAppId: SDK_APP_ID,
      secretKey: SECRET_KEY,
      userID,
      expireSeconds: (expired ? -60 : 600) - ++issued,
    })
  // What `userSigFromEndpoint` hands the engine for `createUserSigHandler`'s 200: the sig and its expiry, read back
  // from the sig as the server does.
  const answer = async (userSig: string) => ({ userSig, expiresAt: (await decodeUserSig(userSig)).expiresAt })

  const fake: FakeSession = {
    service,
    chat,
    options: { tabChannel, ...config.options },
    fetches: [],
    mode: config.fetcher ?? 'ok',
    slowMs: config.slowMs ?? 60_000,
    fetchUserSig: async (userID, { signal, reason }): Promise<FetchUserSigResult> => {
      fake.fetches.push({ userID, reason })
      // Answers as `userSigFromEndpoint` does for the kit's `createUserSigHandler`: a real `fetch` rejects when the
      // browser has no network (transient), a 403 is `{ error: 'forbidden', message }` with the server's message.
      if (!navigator.onLine) throw new TypeError('Failed to fetch')
      switch (fake.mode) {
        case 'forbidden':
          return { error: 'forbidden', message: 'This user may not use chat.' }
        case 'stale':
          last ??= await sign(userID)
          return answer(last)
        case 'expired':
          return answer(await sign(userID, true))
        case 'hang':
          return new Promise<never>((_, reject) =>
            signal.addEventListener('abort', () => reject(signal.reason)),
          )
        case 'held':
          await new Promise<void>((resolve, reject) => {
            held.push(resolve)
            signal.addEventListener('abort', () => reject(signal.reason))
          })
          break
        case 'slow':
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(resolve, fake.slowMs)
            signal.addEventListener('abort', () => {
              clearTimeout(timer)
              reject(signal.reason)
            })
          })
          break
        case 'ok':
          break
      }
      last = await sign(userID)
      return answer(last)
    },
    release() {
      const waiting = held
      held = []
      for (const resolve of waiting) resolve()
    },
    kick: (kind) => chat.fake.kick(kind),
    async openAnotherTab(userID) {
      const other = createFakeChat({ service })
      others.push(other)
      const session = createSession({
        chat: other,
        fetchUserSig: async (id) => answer(await sign(id)),
        tabChannel,
        // Another tab: this page's focus and presses are this tab's, not its own (it never takes the session back).
        pageSignals: () => () => {},
      })
      disposers.push(() => session.dispose())
      await session.login(userID)
    },
    expireSig: () => chat.fake.expireSig(),
    goOffline() {
      setBrowserOnline(false)
      chat.fake.setNet('disconnected')
    },
    serverUnreachable() {
      chat.fake.setNet('connecting')
    },
    reconnect() {
      if (!navigator.onLine) setBrowserOnline(true)
      chat.fake.setNet('connected')
    },
    dispose() {
      for (const dispose of disposers) dispose()
      for (const other of [...others, chat]) other.destroy().catch(() => {})
      if (!navigator.onLine) setBrowserOnline(true)
    },
  }
  return fake
}
