'use client'
import type { SessionSnapshot } from '@chat-session/core'
import { type ReactNode, useState } from 'react'
import { shallowEqual, useSession } from '../useSession'
import { usePausedAs } from './usePausedAs'

/**
 * Props of `<SessionGate>`.
 *
 * @example
 * <SessionGate fallback={<Spinner />} loggedOut={<LoginForm />}><Chat /></SessionGate>
 */
export interface SessionGateProps {
  /**
   * Rendered only while signed in, and kept through the automatic UserSig refresh and while another tab of this
   * browser holds the session of the user this tab was signed in as (`paused`, and the takeover after it).
   */
  readonly children?: ReactNode
  /** Rendered while signing in. */
  readonly fallback?: ReactNode
  /** Rendered while signed out (and signing out). */
  readonly loggedOut?: ReactNode
  /**
   * Rendered while paused (another tab of this browser holds the session) in a tab that was not signed in as that
   * user yet, e.g. one opened in the background. Default: `fallback` (the tab is not signed out: it signs in when
   * the user comes to it).
   */
  readonly paused?: ReactNode
}

const select = (s: SessionSnapshot) => ({
  status: s.status,
  userID: s.userID,
  refreshing: s.refresh === 'fetching',
})

/**
 * Renders `children` only when the chat session is ready, `fallback` while signing in and `loggedOut`
 * otherwise. The re-login after an expired UserSig keeps `children` mounted (no flash of the fallback), and so
 * does a paused tab (another tab of this browser holds the session) that had been signed in as that user: a
 * paused tab is not signed out, and it takes the session back when the user returns to it.
 *
 * @example
 * <SessionGate fallback={<Spinner />} loggedOut={<LoginForm />}>
 *   <ChatApp />
 * </SessionGate>
 */
export function SessionGate(props: SessionGateProps): ReactNode {
  const { children, fallback = null, loggedOut = null, paused = fallback } = props
  const { status, userID, refreshing } = useSession(select, shallowEqual)
  const [readyAs, setReadyAs] = useState<string | null>(null)
  if (status === 'logged-in' && readyAs !== userID) setReadyAs(userID)
  const held = usePausedAs(status, userID)
  const kept =
    readyAs !== null && userID === readyAs && (held !== null || (status === 'logging-in' && refreshing))
  if (status === 'logged-in' || kept) return children
  return status === 'logging-in' ? fallback : status === 'paused' ? paused : loggedOut
}
