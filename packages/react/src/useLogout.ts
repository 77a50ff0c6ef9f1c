'use client'
import type { SessionError } from '@chat-session/core'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { sessionKeys } from './sessionKeys'
import { useSessionContext } from './useSessionContext'

/**
 * Signs out, as a TanStack Query mutation. No SDK call when already signed out.
 *
 * @example
 * const logout = useLogout()
 * <button onClick={() => logout.mutate()}>Sign out</button>
 */
export function useLogout(): UseMutationResult<void, SessionError, void> {
  const { session, queryClient } = useSessionContext()
  return useMutation<void, SessionError, void>(
    { mutationKey: sessionKeys.logout(), mutationFn: () => session.logout(), retry: false },
    queryClient,
  )
}
