'use client'
import type { Session } from '@chat-session/core'
import type { QueryClient } from '@tanstack/react-query'
import { createContext } from 'react'

/** What the provider hands to every hook below it. */
export interface SessionContextValue {
  readonly session: Session
  readonly queryClient: QueryClient
}

export const SessionContext = createContext<SessionContextValue | null>(null)
SessionContext.displayName = 'ChatSessionContext'
