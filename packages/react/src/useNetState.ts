'use client'
import type { NetState, SessionSnapshot } from '@chat-session/core'
import { useBrowserOnline } from './useBrowserOnline'
import { shallowEqual, useSession } from './useSession'

/** What {@link useNetState} returns. */
export interface NetStatus {
  /** The chat connection as the SDK reports it. */
  readonly net: NetState
  /** The connection has been down longer than the grace period. */
  readonly netLost: boolean
  /** The browser itself says it has no network (`navigator.onLine === false`). */
  readonly browserOffline: boolean
}

const selectNet = (s: SessionSnapshot) => ({ net: s.net, netLost: s.netLost })

/**
 * The connection, with enough facts to tell "no network" apart from "chat reconnecting".
 *
 * @example
 * const { netLost, browserOffline } = useNetState()
 * if (netLost) return <p>{browserOffline ? 'Waiting for network…' : 'Reconnecting…'}</p>
 */
export function useNetState(): NetStatus {
  const { net, netLost } = useSession(selectNet, shallowEqual)
  const online = useBrowserOnline()
  return { net, netLost, browserOffline: !online }
}
