'use client'
import type { SessionError, SessionSnapshot } from '@chat-session/core'
import { errorText, useMessages } from '../i18n/useMessages'
import { useLatest } from '../useLatest'
import { shallowEqual, useSession } from '../useSession'
import { useSessionContext } from '../useSessionContext'
import { useDelayed } from './useDelayed'
import { useWaitingForNetwork } from './useWaitingForNetwork'

/**
 * What the session-expired flow hands back to the app, and when it speaks up.
 *
 * @example
 * useSessionExpired({ onSignInRequested: () => router.push('/login'), refreshingAfter: 2000 })
 */
export interface SessionExpiredOptions {
  /** "Sign in" was chosen: the session is signed out; send the user to the app's own sign-in. */
  readonly onSignInRequested?: (() => void) | undefined
  /** How long the automatic refresh may run before "Refreshing session…" is shown, in ms. Default 4000. */
  readonly refreshingAfter?: number | undefined
}

/**
 * The session-expired dialog's state, texts and actions, from {@link useSessionExpired}.
 *
 * @example
 * const { open, refreshing, retry }: SessionExpiredModel = useSessionExpired()
 */
export interface SessionExpiredModel {
  /** The automatic UserSig refresh failed: the user has to act. */
  readonly open: boolean
  /** The automatic refresh is taking longer than `refreshingAfter`. */
  readonly refreshing: boolean
  /** "Try again" is running. */
  readonly pending: boolean
  /** Why the refresh, or the last "Try again", failed. */
  readonly error: SessionError | null
  readonly title: string
  readonly text: string
  /** Why "Try again" failed, in words; null when it did not. */
  readonly errorText: string | null
  /** "Refreshing session…" while `refreshing`, else empty. */
  readonly status: string
  readonly retryLabel: string
  readonly signInLabel: string
  /** Fetches a fresh UserSig and signs in again (`session.retry()`). */
  retry(): void
  /** Signs the dead session out, then calls `onSignInRequested`. */
  signIn(): void
}

const selectExpired = ({ recovery, status, refresh }: SessionSnapshot) => ({
  refresh,
  recovery: recovery?.reason === 'sig-expired' ? recovery : null,
  status,
})

/**
 * The UserSig-expired flow, headless. Nothing while the automatic refresh works (a quiet status if it is slow);
 * open only when it failed: the fetcher said forbidden, the attempts ran out, or it handed back a stale sig. The
 * engine keeps that failure in the snapshot's `recovery` until the user is signed in again or out.
 *
 * @example
 * const x = useSessionExpired({ onSignInRequested: () => router.push('/login') })
 * <p role="status">{x.status}</p>
 * {x.open && <div role="alertdialog">…<button onClick={x.retry}>{x.retryLabel}</button></div>}
 */
export function useSessionExpired(options: SessionExpiredOptions = {}): SessionExpiredModel {
  const { refreshingAfter = 4000 } = options
  const { session } = useSessionContext()
  const t = useMessages()
  const { refresh, recovery, status } = useSession(selectExpired, shallowEqual)
  const onSignInRequested = useLatest(options.onSignInRequested)

  const slow = useDelayed(refresh === 'fetching', refreshingAfter)
  // "Try again" is running.
  const pending = recovery !== null && status === 'logging-in'
  const tried = recovery?.error ?? null
  // Failed only because the browser is offline: the connection banner says "Waiting for network…" instead.
  const waiting = useWaitingForNetwork(recovery?.failure)
  const open = recovery !== null && status !== 'logging-out' && (pending || tried !== null || !waiting)
  const shownError = pending ? null : tried
  const error = open && !pending ? (tried ?? recovery.failure) : null

  const retry = () => {
    if (!pending) session.retry().catch(() => {})
  }

  const signIn = () => {
    session
      .logout()
      .catch(() => {})
      .then(() => onSignInRequested.current?.())
  }

  return {
    open,
    refreshing: slow,
    pending,
    error,
    title: t.expiredTitle,
    text: error?.kind === 'forbidden' ? t.expiredForbiddenText : t.expiredText,
    errorText: shownError ? errorText(t, shownError) : null,
    status: slow ? t.expiredRefreshing : '',
    retryLabel: pending ? t.signingIn : t.tryAgain,
    signInLabel: t.signIn,
    retry,
    signIn,
  }
}
