'use client'
import type { SessionError } from '@chat-session/core'
import { useBrowserOnline } from '../useBrowserOnline'

/**
 * True when `error` is transient and the browser is offline: the failure is the network's, not the user's to
 * fix, and the session tries again by itself when the network returns (the engine's `online` rule).
 */
export function useWaitingForNetwork(error: SessionError | null | undefined): boolean {
  const online = useBrowserOnline()
  return !online && !!error?.retryable
}
