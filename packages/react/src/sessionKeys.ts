/**
 * TanStack Query keys used by the kit, for `invalidateQueries`, `isMutating` and the like.
 *
 * @example
 * queryClient.isMutating({ mutationKey: sessionKeys.login() })
 */
export const sessionKeys = {
  all: ['chat-session'] as const,
  login: () => [...sessionKeys.all, 'login'] as const,
  logout: () => [...sessionKeys.all, 'logout'] as const,
  userSig: (userID: string | null) => [...sessionKeys.all, 'user-sig', userID] as const,
}
