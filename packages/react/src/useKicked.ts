'use client'
import type { KickInfo } from '@chat-session/core'
import { useSession } from './useSession'

/**
 * The kick the user has to decide about, or null.
 *
 * @example
 * const kicked = useKicked()
 * if (kicked?.reason === 'multi-device') …
 */
export function useKicked(): KickInfo | null {
  return useSession((s) => s.kicked)
}
