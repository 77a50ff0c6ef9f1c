'use client'
import type { SessionError, SessionSnapshot } from '@chat-session/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { sessionKeys } from './sessionKeys'
import { shallowEqual, useSession } from './useSession'
import { useSessionContext } from './useSessionContext'

/** What the query holds: facts about the sig, never the sig itself (so no cache, persister or devtools sees it). */
export interface UserSigInfo {
  readonly userID: string
  /**
   * Expiry (Unix ms) of the freshest sig the session holds, or null when unknown: after `refetch()` (or the
   * engine's own refresh ahead of expiry) the fresh one's, which the session renews to without another fetch.
   */
  readonly expiresAt: number | null
}

const select = (s: SessionSnapshot): UserSigInfo | undefined =>
  s.status === 'logged-in' ? { userID: s.userID!, expiresAt: s.sig?.expiresAt ?? null } : undefined

/**
 * The UserSig as a TanStack Query, enabled while signed in. `data` is `{ userID, expiresAt }`, read from the
 * session's store, so it follows the engine's own refreshes; the query never fetches by itself (the engine
 * decides when a sig is due). `refetch()` is the session's `refreshUserSig()`: it fetches a fresh sig now
 * and keeps it in memory for the next expiry.
 *
 * @example
 * const { data, refetch, isFetching } = useUserSig()
 * <p>Session valid until {new Date(data?.expiresAt ?? 0).toLocaleString()}</p>
 * <button disabled={isFetching} onClick={() => refetch()}>Renew now</button>
 */
export function useUserSig(): UseQueryResult<UserSigInfo, SessionError> {
  const { session, queryClient } = useSessionContext()
  const data = useSession(select, shallowEqual)
  const query = useQuery<UserSigInfo, SessionError>(
    {
      queryKey: sessionKeys.userSig(data?.userID ?? null),
      queryFn: () => session.refreshUserSig(),
      enabled: !!data,
      initialData: data,
      staleTime: Infinity,
      // The cache entry holds nothing the store does not: no reason to keep it once unobserved.
      gcTime: 0,
      retry: false,
      meta: { persist: false },
    },
    queryClient,
  )
  // The store is the truth; the query brings the fetch state and `refetch()`.
  return { ...query, data } as UseQueryResult<UserSigInfo, SessionError>
}
