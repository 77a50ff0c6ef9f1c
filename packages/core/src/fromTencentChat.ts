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

// The SDK's event and type strings (3.6.6). Literal copies so the core never loads the 124 kB SDK; a test checks
// them against TencentCloudChat.EVENT / TYPES.
export const CHAT_EVENT = {
  SDK_READY: 'sdkStateReady',
  SDK_NOT_READY: 'sdkStateNotReady',
  KICKED_OUT: 'kickedOut',
  NET_STATE_CHANGE: 'netStateChange',
  ERROR: 'error',
} as const

const KICK_TYPES: Readonly<Record<string, KickReason>> = {
  multipleAccount: 'multi-account',
  multipleDevice: 'multi-device',
  userSigExpired: 'usersig-expired',
  REST_API_Kick: 'rest-api',
}

const NET_STATES: ReadonlySet<string> = new Set(['connected', 'connecting', 'disconnected'])

interface SdkEvent {
  readonly name?: string
  readonly data?: unknown
}

/**
 * Wraps a `@tencentcloud/chat` instance for the engine.
 *
 * @example
 * const adapter = fromTencentChat(TencentCloudChat.create({ SDKAppID }))
 */
export function fromTencentChat(chat: ChatLike): ChatAdapter {
  return {
    async login(userID, userSig) {
      let result: unknown
      try {
        // Bad parameters make the SDK throw synchronously; `await` inside the try turns both into rejections.
        result = await chat.login({ userID, userSig })
      } catch (error) {
        throw toSessionError(error)
      }
      const data = (result as { data?: { repeatLogin?: unknown } } | undefined)?.data
      const repeat = data?.repeatLogin === true
      return { repeat, user: String(chat.getLoginUser() ?? ''), ready: chat.isReady() }
    },
    async logout() {
      try {
        await chat.logout()
      } catch {
        // 2024: not logged in, which is what logout wanted anyway.
      }
    },
    current() {
      return { user: String(chat.getLoginUser() ?? ''), ready: chat.isReady() }
    },
    subscribe(listener) {
      const onReady = () => listener({ type: 'ready', user: String(chat.getLoginUser() ?? '') })
      const onNotReady = () => listener({ type: 'not-ready' })
      const onKicked = (event: SdkEvent) => {
        const type = (event?.data as { type?: unknown } | undefined)?.type
        const reason = typeof type === 'string' ? KICK_TYPES[type] : undefined
        // An unknown kick type is still a kick; treating it as multi-device keeps the user in control.
        listener({ type: 'kicked', reason: reason ?? 'multi-device' })
      }
      const onNet = (event: SdkEvent) => {
        const state = (event?.data as { state?: unknown } | undefined)?.state
        if (typeof state === 'string' && NET_STATES.has(state))
          listener({ type: 'net', net: state as NetState })
      }
      const onError = (event: SdkEvent) => listener({ type: 'error', error: toSessionError(event?.data) })
      chat.on(CHAT_EVENT.SDK_READY, onReady)
      chat.on(CHAT_EVENT.SDK_NOT_READY, onNotReady)
      chat.on(CHAT_EVENT.KICKED_OUT, onKicked)
      chat.on(CHAT_EVENT.NET_STATE_CHANGE, onNet)
      chat.on(CHAT_EVENT.ERROR, onError)
      return () => {
        chat.off(CHAT_EVENT.SDK_READY, onReady)
        chat.off(CHAT_EVENT.SDK_NOT_READY, onNotReady)
        chat.off(CHAT_EVENT.KICKED_OUT, onKicked)
        chat.off(CHAT_EVENT.NET_STATE_CHANGE, onNet)
        chat.off(CHAT_EVENT.ERROR, onError)
      }
    },
  }
}
