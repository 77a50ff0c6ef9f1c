'use client'
import { useContext } from 'react'
import { SessionContext, type SessionContextValue } from './SessionContext'

/**
 * The session and QueryClient of the nearest `<ChatSessionProvider>`.
 *
 * @example
 * const { session } = useSessionContext()
 */
export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext)
  if (value === null) throw new Error('Chat Session Kit hooks must be used inside <ChatSessionProvider>.')
  return value
}
