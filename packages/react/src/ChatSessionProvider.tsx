'use client'
import {
  type ChatAdapter,
  type ChatLike,
  createSession,
  type FetchUserSig,
  type Session,
  type SessionOptions,
} from '@chat-session/core'
import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { type ReactNode, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { Locale, Messages } from './i18n/messages'
import { SessionContext, type SessionContextValue } from './SessionContext'
import { sessionKeys } from './sessionKeys'
import { useLatest } from './useLatest'
import { shallowEqual } from './useSession'

/** Props of {@link ChatSessionProvider}: the SDK instance, the UserSig fetcher, and who should be signed in. */
export interface ChatSessionProviderProps {
  /**
   * The `@tencentcloud/chat` instance, or a function that creates it: `() => TencentCloudChat.create({ SDKAppID })`.
   * A function is called in the browser only (never while rendering on the server), after the first render,
   * and again when the session replaces an instance whose login is stuck (an outage at sign-in): `useChat()`
   * then returns the new one. Later functions are ignored, so an inline arrow is fine. The instances it made are
   * the session's: `destroy()`ed when replaced and when the provider unmounts. A new instance (not a function)
   * means a new session.
   */
  readonly chat: ChatLike | ChatAdapter | (() => ChatLike | ChatAdapter)
  /** Your UserSig source. May be an inline function: it is read when needed, never a reason to log in again. */
  readonly fetchUserSig: FetchUserSig
  /**
   * The user to sign in. Changing it switches user (logout, then login); setting it to null signs out.
   * Leave it undefined to drive login yourself with `useLogin()`.
   */
  readonly userID?: string | null | undefined
  /** Sign `userID` in on mount and on change. Default true. */
  readonly autoLogin?: boolean | undefined
  /** Used for the kit's queries and mutations; defaults to the one from `<QueryClientProvider>`, else a private one. */
  readonly queryClient?: QueryClient | undefined
  /**
   * Engine tunables (timeouts, grace period, backoff, `sdkAppId`, `tabs`: `'follow-focus'` or `'ask'`). Read once,
   * when the session is created.
   */
  readonly options?: Omit<SessionOptions, 'chat' | 'fetchUserSig'> | undefined
  /** Language of the kit's components: `'en'` (default) or `'zh-CN'`. */
  readonly locale?: Locale | undefined
  /** Replaces any of the components' strings (see `Messages`); may be a new object every render. */
  readonly messages?: Partial<Messages> | undefined
  readonly children?: ReactNode
}

/** Every factory is the same source: its identity is ignored after the first call. */
const factory = {}

interface Entry {
  readonly key: object
  readonly session: Session
  /** Set when the provider unmounted: disposes after a tick unless it mounts again (StrictMode). */
  dispose?: ReturnType<typeof setTimeout>
}

/**
 * Drops the kit's mutations from `client` once their session is disposed, with TanStack's 5-minute GC timers
 * (the kit's queries keep none: `useUserSig` reads the store). A mutation still pending is the disposed
 * session's: it rejects `disposed`, and its observer, if any, still hears it.
 */
function forget(client: QueryClient): void {
  const mutations = client.getMutationCache()
  for (const m of mutations.findAll({ mutationKey: sessionKeys.all })) {
    m.destroy()
    mutations.remove(m)
  }
}

/**
 * Creates the login session for `chat` and gives it to the hooks and components below.
 * StrictMode's double mount makes one SDK login; unmounting disposes the session (listeners, timers, fetches).
 *
 * @example
 * <ChatSessionProvider
 *   chat={() => TencentCloudChat.create({ SDKAppID })}
 *   userID="alice"
 *   fetchUserSig={userSigFromEndpoint('/api/usersig')}
 * >
 *   <SessionUI />
 *   <App />
 * </ChatSessionProvider>
 */
export function ChatSessionProvider(props: ChatSessionProviderProps): ReactNode {
  const { chat, userID, autoLogin = true, locale = 'en', children } = props
  const latest = useLatest(props)
  const found = useContext(QueryClientContext)
  const own = useRef<QueryClient | null>(null)
  // Lazily, so an app that has a QueryClient never pays for a second one.
  if (!props.queryClient && !found && own.current === null) own.current = new QueryClient()
  const queryClient = props.queryClient ?? found ?? (own.current as QueryClient)

  const key = typeof chat === 'function' ? factory : chat
  const make = (): Entry => ({
    key,
    session: createSession({
      ...latest.current.options,
      // The session calls a factory on its first SDK call, in `start()`, which runs in an effect: never on the
      // server. It calls it again to replace an instance whose login is stuck, and destroys the last on dispose.
      chat,
      fetchUserSig: (id, context) => latest.current.fetchUserSig(id, context),
    }),
  })
  // createSession has no side effects until start(), so StrictMode's second initializer call is harmless.
  let [entry, setEntry] = useState(make)
  if (entry.key !== key) {
    // A new chat instance: a new session; the old one is disposed by its effect cleanup.
    entry = make()
    setEntry(entry)
  }
  const { session } = entry
  // The instance in use: the one given, or the latest the factory made (null before the first).
  const instance = useSyncExternalStore((changed) => session.on('chat', changed), session.chat, session.chat)

  useEffect(() => {
    clearTimeout(entry.dispose)
    session.start()
    return () => {
      entry.dispose = setTimeout(() => {
        // Also destroys the instance a factory made.
        session.dispose()
        forget(queryClient)
      })
    }
  }, [entry, session, queryClient])

  useEffect(() => {
    if (!autoLogin || userID === undefined) return
    // Errors land in the store (and useSessionEvent('login-failed')); the promise is not the channel here.
    if (userID === null) session.logout().catch(() => {})
    else session.login(userID).catch(() => {})
  }, [session, userID, autoLogin])

  // An inline `messages` object is a new one every render: keep the old one while it has the same strings.
  const [messages, setMessages] = useState(props.messages)
  if (messages !== props.messages && !shallowEqual(messages, props.messages)) setMessages(props.messages)

  const value = useMemo<SessionContextValue>(
    () => ({ session, queryClient, locale, messages, chat: instance }),
    [session, queryClient, locale, messages, instance],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}
