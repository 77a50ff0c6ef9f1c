import type { ChatSDK } from '@tencentcloud/chat'
import { toSessionError } from './errorCatalog'
import type { SessionError } from './sessionError'
import type { KickReason, NetState } from './types'

/** The part of a `@tencentcloud/chat` instance the kit uses. A real instance and the fake both fit. */
export type ChatLike = Pick<ChatSDK, 'login' | 'logout' | 'isReady' | 'getLoginUser' | 'on' | 'off'>

/** What the SDK tells the engine, in the engine's words. */
export type AdapterEvent =
  | { readonly type: 'ready'; readonly user: string }
  | { readonly type: 'not-ready' }
  | { readonly type: 'kicked'; readonly reason: KickReason }
  | { readonly type: 'net'; readonly net: NetState }
  | { readonly type: 'error'; readonly error: SessionError }

/** The SDK seen through one narrow interface: the only place that knows its event names and quirks. */
export interface ChatAdapter {
  /** Resolves when the SDK accepted the login (not yet ready); rejects with a `SessionError`. */
  login(userID: string, userSig: string): Promise<{ repeat: boolean; user: string; ready: boolean }>
  /** Resolves when signed out; never rejects (a logout that fails leaves the SDK signed out too). */
  logout(): Promise<void>
  current(): { user: string; ready: boolean }
  subscribe(listener: (event: AdapterEvent) => void): () => void
}

// Literal copies so the core never loads the 124 kB SDK; a test checks them against TencentCloudChat.EVENT / TYPES.
/**
 * The SDK's session event names (`TencentCloudChat.EVENT.*` in 3.6.6), the ones the adapter listens to.
 *
 * @example
 * chat.on(CHAT_EVENT.KICKED_OUT, (event) => console.log(event.data.type))
 */
export const CHAT_EVENT = {
  SDK_READY: 'sdkStateReady',
  SDK_NOT_READY: 'sdkStateNotReady',
  KICKED_OUT: 'kickedOut',
  NET_STATE_CHANGE: 'netStateChange',
  ERROR: 'error',
} as const

/**
 * The `data.type` of the SDK's `kickedOut` event for each kick reason (`TencentCloudChat.TYPES.KICKED_OUT_*`
 * in 3.6.6): the one table of kick names, which the testing package's fake SDK and gateway use too.
 *
 * @example
 * chat.on(CHAT_EVENT.KICKED_OUT, (event) => event.data.type === CHAT_KICK_TYPE['multi-device'])
 */
export const CHAT_KICK_TYPE = {
  'multi-account': 'multipleAccount',
  'multi-device': 'multipleDevice',
  'usersig-expired': 'userSigExpired',
  'rest-api': 'REST_API_Kick',
} as const satisfies Record<KickReason, string>

/** The reason of a `kickedOut` type; an unknown one is still a kick, and multi-device keeps the user in control. */
const kickReasonOf = (type: unknown): KickReason =>
  (Object.keys(CHAT_KICK_TYPE) as KickReason[]).find((reason) => CHAT_KICK_TYPE[reason] === type) ??
  'multi-device'

const NET_STATES: readonly unknown[] = ['connected', 'connecting', 'disconnected']

interface SdkEvent {
  readonly data?: { readonly type?: unknown; readonly state?: unknown } | undefined
}

/**
 * Wraps a `@tencentcloud/chat` instance for the engine.
 *
 * @example
 * const adapter = fromTencentChat(TencentCloudChat.create({ SDKAppID }))
 */
export function fromTencentChat(chat: ChatLike): ChatAdapter {
  const user = () => String(chat.getLoginUser() ?? '')
  const current = () => ({ user: user(), ready: chat.isReady() })
  return {
    async login(userID, userSig) {
      let result: { data?: { repeatLogin?: unknown } } | undefined
      try {
        // Bad parameters make the SDK throw synchronously; `await` inside the try turns both into rejections.
        result = await chat.login({ userID, userSig })
      } catch (error) {
        throw toSessionError(error)
      }
      return { repeat: result?.data?.repeatLogin === true, ...current() }
    },
    async logout() {
      try {
        await chat.logout()
      } catch {
        // 2024: not logged in, which is what logout wanted anyway.
      }
    },
    current,
    subscribe(listener) {
      const handlers: [string, (event?: SdkEvent) => void][] = [
        [CHAT_EVENT.SDK_READY, () => listener({ type: 'ready', user: user() })],
        [CHAT_EVENT.SDK_NOT_READY, () => listener({ type: 'not-ready' })],
        [
          CHAT_EVENT.KICKED_OUT,
          (event) => listener({ type: 'kicked', reason: kickReasonOf(event?.data?.type) }),
        ],
        [
          CHAT_EVENT.NET_STATE_CHANGE,
          (event) => {
            const net = event?.data?.state
            if (NET_STATES.includes(net)) listener({ type: 'net', net: net as NetState })
          },
        ],
        [CHAT_EVENT.ERROR, (event) => listener({ type: 'error', error: toSessionError(event?.data) })],
      ]
      for (const [name, handler] of handlers) chat.on(name, handler)
      return () => {
        for (const [name, handler] of handlers) chat.off(name, handler)
      }
    },
  }
}
