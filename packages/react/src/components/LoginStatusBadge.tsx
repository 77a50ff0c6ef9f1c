'use client'
import type { SessionSnapshot } from '@chat-session/core'
import type { ReactNode } from 'react'
import { useMessages } from '../i18n/useMessages'
import { shallowEqual, useSession } from '../useSession'
import { classes, type StyleProps } from './classes'

/**
 * Props of `<LoginStatusBadge>`.
 *
 * @example
 * <LoginStatusBadge showUserID unstyled className="status" />
 */
export interface LoginStatusBadgeProps extends StyleProps<'dot' | 'text'> {
  /** Adds the signed-in user's ID after the status text. */
  readonly showUserID?: boolean | undefined
}

const select = (s: SessionSnapshot) => ({ status: s.status, userID: s.userID, netLost: s.netLost })

/**
 * A status dot and text: signed out, signing in, online, reconnecting (signed in, connection lost), signing
 * out, paused ("In another tab": another tab of this browser holds the session). `data-state` carries the state
 * for styling.
 *
 * @example
 * <header><LoginStatusBadge showUserID /></header>
 */
export function LoginStatusBadge(props: LoginStatusBadgeProps): ReactNode {
  const { status, userID, netLost } = useSession(select, shallowEqual)
  const t = useMessages()
  const cls = classes('badge', props)
  const state = status === 'logged-in' && netLost ? 'reconnecting' : status
  const text = {
    'logged-out': t.statusLoggedOut,
    'logging-in': t.signingIn,
    'logged-in': t.statusLoggedIn,
    'logging-out': t.signingOut,
    paused: t.statusPaused,
    reconnecting: t.bannerReconnecting,
  }[state]
  return (
    <span className={cls()} data-state={state}>
      <span className={cls('dot')} aria-hidden="true" />
      <span className={cls('text')}>{props.showUserID && userID ? `${text} · ${userID}` : text}</span>
    </span>
  )
}
