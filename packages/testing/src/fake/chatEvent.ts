import { CHAT_EVENT as SESSION_EVENTS } from '@chat-session/core'

/**
 * The event names a session layer listens to, with the strings `@tencentcloud/chat` 3.6.6 uses
 * (`TencentCloudChat.EVENT.*`). `SDK_DESTROY` exists in the SDK's JS but not in its d.ts.
 *
 * @example
 * chat.on(CHAT_EVENT.KICKED_OUT, (event) => console.log(event.data))
 */
export const CHAT_EVENT = { ...SESSION_EVENTS, SDK_DESTROY: 'sdkDestroy' } as const

/** One of the {@link CHAT_EVENT} strings. */
export type ChatEventName = (typeof CHAT_EVENT)[keyof typeof CHAT_EVENT]

/**
 * What every listener receives. `data` by event: none for ready/not-ready, `{type}` for `kickedOut`,
 * `{state}` for `netStateChange`, `{code, message}` for `error`, `{SDKAppID}` for `sdkDestroy`.
 */
export interface ChatEvent {
  readonly name: string
  readonly data: unknown
}

/** A listener passed to `chat.on(name, handler)`. */
export type ChatEventHandler = (event: ChatEvent) => void
