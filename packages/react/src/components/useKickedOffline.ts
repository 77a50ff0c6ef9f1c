'use client'
import type { KickInfo, SessionError, SessionSnapshot } from '@chat-session/core'
import { pascal } from '../i18n/messages'
import { errorText, useMessages } from '../i18n/useMessages'
import { useLatest } from '../useLatest'
import { shallowEqual, useSession } from '../useSession'
import { useSessionContext } from '../useSessionContext'

/**
 * What happens after the kicked-offline decision.
 *
 * @example
 * useKickedOffline({ onSignOut: () => navigate('/') })
 */
export interface KickedOfflineOptions {
  /** Called after "Sign out" has signed the session out (e.g. to go to the app's start page). */
  readonly onSignOut?: (() => void) | undefined
}

/**
 * The kicked-offline dialog's state, texts and actions, from {@link useKickedOffline}.
 *
 * @example
 * const { open, title, retry }: KickedOfflineModel = useKickedOffline()
 */
export interface KickedOfflineModel {
  /** A kick is waiting for the user's decision (or the decision is running or failed). */
  readonly open: boolean
  readonly kicked: KickInfo | null
  /** Which action is running. */
  readonly pending: 'retry' | 'sign-out' | null
  /** Why signing in again failed. */
  readonly error: SessionError | null
  readonly title: string
  readonly text: string
  /** What signing in again does to the other device or tab; null for an administrator's sign-out. */
  readonly note: string | null
  /** The error, in words; null when none. */
  readonly errorText: string | null
  readonly retryLabel: string
  readonly signOutLabel: string
  /** Signs in again here with a fresh UserSig (`session.retry()`), which signs the other side out. */
  retry(): void
  /** Signs out (`session.logout()`), then calls `onSignOut`. */
  signOut(): void
}

const selectKick = ({ recovery, status }: SessionSnapshot) =>
  recovery?.reason === 'kicked'
    ? {
        kicked: recovery.kicked,
        error: recovery.error,
        pending: status === 'logging-in' ? 'retry' : status === 'logging-out' ? 'sign-out' : null,
      }
    : null

/**
 * The kicked-offline decision, headless. Open while the snapshot's `recovery` is a kick: the engine keeps it
 * while the user's choice runs and after it failed, until the user is signed in again or out, or the re-login
 * ended in a failed UserSig refresh (that is the session-expired dialog's to show).
 *
 * @example
 * const k = useKickedOffline({ onSignOut: () => navigate('/') })
 * if (k.open) return (
 *   <div role="alertdialog">
 *     <h2>{k.title}</h2><p>{k.text}</p>
 *     <button onClick={k.signOut}>{k.signOutLabel}</button>
 *     <button onClick={k.retry}>{k.retryLabel}</button>
 *   </div>
 * )
 */
export function useKickedOffline(options: KickedOfflineOptions = {}): KickedOfflineModel {
  const { session } = useSessionContext()
  const t = useMessages()
  const onSignOut = useLatest(options.onSignOut)
  const kick = useSession(selectKick, shallowEqual)
  const kicked = kick?.kicked ?? null
  const pending = (kick?.pending ?? null) as KickedOfflineModel['pending']
  // While "Sign in again" runs, the last attempt's error is no longer the news.
  const error = pending ? null : (kick?.error ?? null)

  const retry = () => {
    if (kicked && !pending) session.retry().catch(() => {})
  }

  const signOut = () => {
    if (!kicked || pending === 'sign-out') return
    session
      .logout()
      .catch(() => {})
      .then(() => onSignOut.current?.())
  }

  const key = kicked
    ? kicked.fromThisBrowser && kicked.reason === 'multi-account'
      ? 'ThisBrowser'
      : pascal(kicked.reason)
    : 'MultiDevice'
  return {
    open: kicked !== null,
    kicked,
    pending,
    error,
    title: t[`kickedTitle${key}`],
    text: t[`kickedText${key}`].replace('{userID}', kicked?.userID ?? ''),
    note: kicked?.reason === 'rest-api' ? null : t.kickedRetryNote,
    errorText: error ? errorText(t, error) : null,
    retryLabel:
      pending === 'retry' ? t.signingIn : kicked?.fromThisBrowser ? t.kickedUseHere : t.kickedSignInAgain,
    signOutLabel: pending === 'sign-out' ? t.signingOut : t.signOut,
    retry,
    signOut,
  }
}
