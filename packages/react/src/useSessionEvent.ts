'use client'
import type { SessionEventMap, SessionEventType } from '@chat-session/core'
import { useEffect } from 'react'
import { useLatest } from './useLatest'
import { useSessionContext } from './useSessionContext'

/**
 * Runs `handler` when the session reports `type` (kicked, sig-expired, sig-refreshed, net-lost,
 * net-restored, login-failed, logged-in, logged-out, paused). The handler may be a new function every render.
 *
 * @example
 * useSessionEvent('kicked', (k) => analytics.track('kicked', { reason: k.reason }))
 */
export function useSessionEvent<K extends SessionEventType>(
  type: K,
  handler: (payload: SessionEventMap[K]) => void,
): void {
  const { session } = useSessionContext()
  const latest = useLatest(handler)
  useEffect(() => session.on(type, (payload) => latest.current(payload)), [session, type, latest])
}
