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
import { type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { Locale, Messages } from './i18n/messages'
import { SessionContext, type SessionContextValue } from './SessionContext'
import { useLatest } from './useLatest'
import { shallowEqual } from './useSession'

/** Props of {@link ChatSessionProvider}: the SDK instance, the UserSig fetcher, and who should be signed in. */
export interface ChatSessionProviderProps {
  /** The `@tencentcloud/chat` instance (create it once, outside React). A new instance means a new session. */
  readonly chat: ChatLike | ChatAdapter
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
  /** Engine tunables (timeouts, grace period, backoff, `sdkAppId`). Read once, when the session is created. */
  readonly options?: Omit<SessionOptions, 'chat' | 'fetchUserSig'> | undefined
  /** Language of the kit's components: `'en'` (default) or `'zh-CN'`. */
  readonly locale?: Locale | undefined
  /** Replaces any of the components' strings (see `Messages`); may be a new object every render. */
  readonly messages?: Partial<Messages> | undefined
  readonly children?: ReactNode
}

/** Sessions whose provider unmounted: disposed after a tick unless the same provider mounts again (StrictMode). */
const pendingDispose = new WeakMap<Session, ReturnType<typeof setTimeout>>()

/**
 * Creates the login session for `chat` and gives it to the hooks and components below.
 * StrictMode's double mount makes one SDK login; unmounting disposes the session (listeners, timers, fetches).
 *
 * @example
 * const chat = TencentCloudChat.create({ SDKAppID })
 * <ChatSessionProvider chat={chat} userID="alice" fetchUserSig={(id) => api.userSig(id)}>
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

  const make = () =>
    createSession({
      ...latest.current.options,
      chat,
      fetchUserSig: (id, context) => latest.current.fetchUserSig(id, context),
    })
  // createSession has no side effects until start(), so StrictMode's second initializer call is harmless.
  const [entry, setEntry] = useState(() => ({ chat, session: make() }))
  let session = entry.session
  if (entry.chat !== chat) {
    // A new chat instance: a new session; the old one is disposed by its effect cleanup.
    const next = { chat, session: make() }
    setEntry(next)
    session = next.session
  }

  useEffect(() => {
    clearTimeout(pendingDispose.get(session))
    pendingDispose.delete(session)
    session.start()
    return () => {
      pendingDispose.set(
        session,
        setTimeout(() => {
          pendingDispose.delete(session)
          session.dispose()
        }, 0),
      )
    }
  }, [session])

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
    () => ({ session, queryClient, locale, messages }),
    [session, queryClient, locale, messages],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}
