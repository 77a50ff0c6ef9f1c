'use client'
import type { SessionError } from '@chat-session/core'
import { type UseMutationResult, useMutation } from '@tanstack/react-query'
import { sessionKeys } from './sessionKeys'
import { useSessionContext } from './useSessionContext'

/**
 * Signs in, as a TanStack Query mutation over the session's single-flight `login()`:
 * calling it twice for the same user makes one fetch and one SDK login. Resolves once the SDK is ready.
 *
 * @example
 * const login = useLogin()
 * <button disabled={login.isPending} onClick={() => login.mutate('alice')}>Sign in</button>
 * {login.error && <p role="alert">{login.error.message}</p>}
 */
export function useLogin(): UseMutationResult<void, SessionError, string> {
  const { session, queryClient } = useSessionContext()
  return useMutation<void, SessionError, string>(
    { mutationKey: sessionKeys.login(), mutationFn: (userID) => session.login(userID), retry: false },
    queryClient,
  )
}
