'use client'
import type { SessionSnapshot } from '@chat-session/core'
import { type ReactNode, useState } from 'react'
import { shallowEqual, useSession } from '../useSession'

/**
 * Props of `<SessionGate>`.
 *
 * @example
 * <SessionGate fallback={<Spinner />} loggedOut={<LoginForm />}><Chat /></SessionGate>
 */
export interface SessionGateProps {
  /** Rendered only while signed in (and kept through the automatic UserSig refresh). */
  readonly children?: ReactNode
  /** Rendered while signing in. */
  readonly fallback?: ReactNode
  /** Rendered while signed out (and signing out). */
  readonly loggedOut?: ReactNode
}

const select = (s: SessionSnapshot) => ({
  status: s.status,
  userID: s.userID,
  refreshing: s.refresh === 'fetching',
})

/**
 * Renders `children` only when the chat session is ready, `fallback` while signing in and `loggedOut`
 * otherwise. The re-login after an expired UserSig keeps `children` mounted (no flash of the fallback).
 *
 * @example
 * <SessionGate fallback={<Spinner />} loggedOut={<LoginForm />}>
 *   <ChatApp />
 * </SessionGate>
 */
export function SessionGate({ children, fallback = null, loggedOut = null }: SessionGateProps): ReactNode {
  const { status, userID, refreshing } = useSession(select, shallowEqual)
  const [readyAs, setReadyAs] = useState<string | null>(null)
  if (status === 'logged-in' && readyAs !== userID) setReadyAs(userID)
  if (status === 'logged-in' || (status === 'logging-in' && refreshing && userID === readyAs)) return children
  return status === 'logging-in' ? fallback : loggedOut
}
