'use client'
import type { SessionError } from '@chat-session/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { sessionKeys } from './sessionKeys'
import { useSession } from './useSession'
import { useSessionContext } from './useSessionContext'

/** What the query holds: facts about the sig, never the sig itself (so no cache, persister or devtools sees it). */
export interface UserSigInfo {
  readonly userID: string
  /** Unix ms, or null when unknown. */
  readonly expiresAt: number | null
}

/** Counted stale this long before expiry, so a refetch lands before the server kicks. */
const STALE_MARGIN = 60_000

/**
 * The UserSig fetch as a TanStack Query: `data` is `{ userID, expiresAt }`, stale shortly before the
 * sig expires; `refetch()` fetches a fresh sig now and keeps it in memory for the next expiry.
 * Enabled only while signed in.
 *
 * @example
 * const { data, refetch, isFetching } = useUserSig()
 * <p>Session valid until {new Date(data?.expiresAt ?? 0).toLocaleString()}</p>
 */
export function useUserSig(): UseQueryResult<UserSigInfo, SessionError> {
  const { session, queryClient } = useSessionContext()
  const userID = useSession((s) => (s.status === 'logged-in' ? s.userID : null))
  const expiresAt = useSession((s) => s.sig?.expiresAt ?? null)
  const queryKey = sessionKeys.userSig(userID)

  // The engine refreshes by itself after an expiry; the query follows the store rather than refetching.
  useEffect(() => {
    if (userID !== null && expiresAt !== null) queryClient.setQueryData(queryKey, { userID, expiresAt })
  }, [queryClient, userID, expiresAt, queryKey])

  return useQuery<UserSigInfo, SessionError>(
    {
      queryKey,
      queryFn: async () => {
        const fresh = await session.refreshUserSig()
        return { userID: fresh.userID, expiresAt: fresh.expiresAt }
      },
      enabled: userID !== null,
      initialData: userID !== null && expiresAt !== null ? { userID, expiresAt } : undefined,
      staleTime: (query) => {
        const at = query.state.data?.expiresAt
        return at == null ? Number.POSITIVE_INFINITY : Math.max(0, at - STALE_MARGIN - Date.now())
      },
      retry: false,
      meta: { persist: false },
    },
    queryClient,
  )
}
