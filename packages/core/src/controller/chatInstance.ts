import { type AdapterEvent, type ChatAdapter, type ChatLike, fromTencentChat } from '../fromTencentChat'

/**
 * What `createSession` takes as `chat`: an SDK instance, an adapter, or a function that makes an instance
 * (`() => TencentCloudChat.create({ SDKAppID })`). Only with a function can the session replace an instance
 * whose login is stuck: the SDK cannot cancel a login, but a destroyed instance takes it along.
 */
export type ChatSource = ChatLike | ChatAdapter | (() => ChatLike | ChatAdapter)

/** The session's SDK instance: the adapter of the one in use, and the means to replace it. */
export interface ChatInstance {
  /** The adapter of the instance in use, made (with the instance, from a factory) on first use. */
  use(): ChatAdapter
  /** The instance in use; null until the factory's first one. */
  chat(): ChatLike | ChatAdapter | null
  /** Sends the SDK's events to `listener`, from this instance and every one after it. */
  listen(listener: (event: AdapterEvent) => void): void
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
 * instance.listen(onEvent) // makes the first instance
 * await instance.reset() // a fresh one, still listened to by onEvent
 */
export function chatInstance(source: ChatSource, made: (chat: ChatLike | ChatAdapter) => void): ChatInstance {
  const factory = typeof source === 'function' ? source : null
  let chat = typeof source === 'function' ? null : source
  let adapter: ChatAdapter | null = null
  let listener: ((event: AdapterEvent) => void) | undefined
  let stop = noop
  const use = (): ChatAdapter => {
    if (!adapter) {
      if (!chat) {
        chat = factory!()
        made(chat)
      }
      adapter = 'subscribe' in chat ? chat : fromTencentChat(chat)
      if (listener) stop = adapter.subscribe(listener)
    }
    return adapter
  }
  return {
    use,
    chat: () => chat,
    listen(next) {
      // Made first, then listened to: a replacement listens to the fresh one by itself.
      const first = use()
      listener = next
      stop = first.subscribe(next)
    },
    async reset() {
      stop()
      const old = chat
      chat = adapter = null
      // destroy() also clears the SDK's one instance per SDKAppID, so that create() gives a new one. It waits on
      // a logout, which a silent server never answers; a login stuck offline has none, so 1 s is plenty.
      await Promise.race([destroy(old), new Promise((resolve) => setTimeout(resolve, 1000))])
      // Not after close(): a disposed session makes no instance.
      if (listener) use()
    },
    close() {
      listener = undefined
      stop()
      if (factory) destroy(chat)
    },
  }
}
