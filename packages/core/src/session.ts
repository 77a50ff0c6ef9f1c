import type { StoreApi } from 'zustand/vanilla'
import type { ChatSource } from './controller/chatInstance'
import type { PageSignals } from './controller/pageSignals'
import type { OpenTabLink } from './controller/tabLink'
import type { EngineConfig } from './engine/engineState'
import type { ChatAdapter, ChatLike } from './fromTencentChat'
import type { SessionTracing } from './sessionTrace'
import type { FetchUserSig, SessionEventMap, SessionEventType, SessionSnapshot } from './types'

/**
 * What `createSession` needs: the SDK instance and the UserSig fetcher; the rest are tunables with defaults.
 *
 * @example
 * createSession({ chat, fetchUserSig, sdkAppId: 1400000000, loginTimeout: 20_000, tabChannel: false })
 */
export interface SessionOptions extends Partial<Omit<EngineConfig, 'sdkAppId' | 'replaceable'>> {
  /**
   * A `@tencentcloud/chat` instance (or anything with the same session surface), a ready-made adapter, or a
   * function that makes an instance: `() => TencentCloudChat.create({ SDKAppID })`. With a function the session
   * owns its instances: it makes the first on its first SDK call, replaces one whose login is stuck (the SDK
   * cannot cancel a login), and destroys the last on `dispose()`. Follow them with `chat()` and the `chat` event.
   */
  readonly chat: ChatSource
  readonly fetchUserSig: FetchUserSig
  /** When given, UserSigs for another app are refused before login (the server would answer 70014). */
  readonly sdkAppId?: number | undefined
  /**
   * How the tabs of this app reach each other, so that a multi-account kick caused by this browser's own other
   * tab is known as one (see `tabs`) and two tabs never sign in at the same moment: the name of a
   * BroadcastChannel (and of the Web Locks), or an {@link OpenTabLink}. `false` turns it off. Default
   * `'chat-session'`. Without BroadcastChannel every kick is treated as another device's.
   */
  readonly tabChannel?: string | false | OpenTabLink | undefined
  /** Where the session hears that the browser is online again or the page is seen again. Default: the page's events. */
  readonly pageSignals?: PageSignals | undefined
  /** Clock and randomness, injectable for tests and simulations. */
  readonly now?: () => number
  readonly random?: () => number
}

/**
 * A login session: the store the UI reads and the calls that drive it.
 * Nothing touches the SDK until `start()`, `login()`, `logout()` or `retry()`.
 */
export interface Session {
  /** zustand/vanilla store with the public snapshot. */
  readonly store: StoreApi<SessionSnapshot>
  getSnapshot(): SessionSnapshot
  /**
   * Signs in. Concurrent calls for the same user share one promise, one fetch and one SDK call.
   * Resolves once the SDK is ready; rejects with a `SessionError`.
   */
  login(userID: string): Promise<void>
  /** Signs out (no SDK call when already signed out). Cancels a login in flight. */
  logout(): Promise<void>
  /** Tries again now: after an error or a kick, or to skip a backoff wait. */
  retry(): Promise<void>
  /**
   * Fetches a fresh UserSig for the signed-in user now and keeps it (memory only) for the next expiry,
   * so the re-login then needs no fetch. The SDK has no way to swap the sig of a live session.
   */
  refreshUserSig(): Promise<{ userID: string; expiresAt: number | null }>
  /** Starts mirroring the SDK (listeners on). Idempotent; the calls above start it too. */
  start(): void
  /** Detaches everything: no listener, timer or state change afterwards. Pending calls reject `disposed`. */
  dispose(): void
  /**
   * Turns `trace` events on with `traceSession` (devtools and metrics do it themselves); they stay on. Off until
   * then, so an app that never inspects a session carries none of the tracing code.
   */
  inspect(tracing: SessionTracing): void
  /**
   * The SDK instance in use: the one given, or the latest the factory made (null before the first). Bind SDK
   * listeners (messages, conversations) again on the `chat` event, which tells of each new one.
   *
   * @example
   * session.on('chat', ({ chat }) => chat.on(TencentCloudChat.EVENT.MESSAGE_RECEIVED, onMessage))
   */
  chat(): ChatLike | ChatAdapter | null
  /** Subscribes to session events; returns the unsubscribe function. */
  on<K extends SessionEventType>(type: K, handler: (payload: SessionEventMap[K]) => void): () => void
}
