import { type AdapterEvent, type ChatAdapter, type ChatLike, fromTencentChat } from '../fromTencentChat'

/**
 * What `createSession` takes as `chat`: an SDK instance, an adapter, or a function that makes an instance
 * (`() => TencentCloudChat.create({ SDKAppID })`). Only with a function can the session replace an instance
 * whose login is stuck: the SDK cannot cancel a login, but a destroyed instance takes it along.
 */
export type ChatSource = ChatLike | ChatAdapter | (() => ChatLike | ChatAdapter)

/** The session's SDK instance as one adapter that follows the instance in use, and can replace it. */
export interface ChatInstance extends ChatAdapter {
  /** The instance in use; null until the factory's first one (made on the first SDK call). */
  chat(): ChatLike | ChatAdapter | null
  /** Destroys the instance and makes a fresh one, listened to like the old (a factory only). */
  reset(): Promise<void>
  /** Stops listening; destroys the instance when the factory made it. */
  close(): void
}

const noop = (): void => {}

/** The instance's `destroy()`, if it has one; never a rejection (it rejects 2024 when not signed in). */
const destroy = (chat: ChatLike | ChatAdapter | null): Promise<unknown> =>
  Promise.resolve((chat as { destroy?: () => unknown } | null)?.destroy?.()).catch(noop)

/**
 * Holds the SDK instance of a session. With a factory the instance is made on first use and `made` hears of
 * each one (the first, and every replacement).
 *
 * @example
 * const instance = chatInstance(() => TencentCloudChat.create({ SDKAppID }), (chat) => setChat(chat))
 * const stop = instance.subscribe(onEvent) // makes the first instance
 * await instance.reset() // a fresh one, still listened to by onEvent
 */
export function chatInstance(source: ChatSource, made: (chat: ChatLike | ChatAdapter) => void): ChatInstance {
  const factory = typeof source === 'function' ? source : null
  let chat = typeof source === 'function' ? null : source
  let adapter: ChatAdapter | null = null
  let listener: ((event: AdapterEvent) => void) | undefined
  let stop = noop
  let closed = false
  const use = (): ChatAdapter => {
    if (!adapter) {
      chat ??= factory!()
      adapter = 'subscribe' in chat ? chat : fromTencentChat(chat)
      if (listener) stop = adapter.subscribe(listener)
      if (factory) made(chat)
    }
    return adapter
  }
  return {
    login: (userID, userSig) => use().login(userID, userSig),
    logout: () => use().logout(),
    current: () => use().current(),
    subscribe(next) {
      // Made first, then listened to: a replacement listens to the fresh one by itself.
      const first = use()
      listener = next
      stop = first.subscribe(next)
      return () => {
        listener = undefined
        stop()
      }
    },
    chat: () => chat,
    async reset() {
      stop()
      const old = chat
      chat = adapter = null
      // destroy() also clears the SDK's one instance per SDKAppID, so that create() gives a new one. It waits on
      // a logout, which a silent server never answers; a login stuck offline has none, so 1 s is plenty.
      await Promise.race([destroy(old), new Promise((resolve) => setTimeout(resolve, 1000))])
      if (!closed) use()
    },
    close() {
      closed = true
      stop()
      if (factory) destroy(chat)
    },
  }
}
