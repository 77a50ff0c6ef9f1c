'use client'
import type { ChatAdapter, ChatLike, Session } from '@chat-session/core'
import type { QueryClient } from '@tanstack/react-query'
import { createContext } from 'react'
import type { Locale, Messages } from './i18n/messages'

/** What the provider hands to every hook below it. */
export interface SessionContextValue {
  readonly session: Session
  readonly queryClient: QueryClient
  /** Language of the components; English when absent. */
  readonly locale?: Locale | undefined
  /** Per-key overrides of the component strings. */
  readonly messages?: Partial<Messages> | undefined
  /** The SDK instance, for `useChat()`: null until the provider's `chat` factory has run. */
  readonly chat?: ChatLike | ChatAdapter | null | undefined
}

/**
 * The context the provider fills. Hooks read it through `useSessionContext`; reach for it directly only to
 * bridge the session into another React tree (a portal root, a test renderer).
 *
 * @example
 * const value = useContext(SessionContext) // null outside a ChatSessionProvider
 */
export const SessionContext = createContext<SessionContextValue | null>(null)
SessionContext.displayName = 'ChatSessionContext'
