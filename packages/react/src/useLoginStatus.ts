'use client'
import type { SessionSnapshot, SessionStatus } from '@chat-session/core'
import { shallowEqual, useSession } from './useSession'

/** What {@link useLoginStatus} returns. */
export interface LoginStatus {
  readonly status: SessionStatus
  readonly userID: string | null
  /** True only after the SDK is ready (`SDK_READY`). */
  readonly isLoggedIn: boolean
}

const selectLoginStatus = (s: SessionSnapshot): LoginStatus => ({
  status: s.status,
  userID: s.userID,
  isLoggedIn: s.status === 'logged-in',
})

/**
 * Where the login stands.
 *
 * @example
 * const { status, userID, isLoggedIn } = useLoginStatus()
 */
export function useLoginStatus(): LoginStatus {
  return useSession(selectLoginStatus, shallowEqual)
}
