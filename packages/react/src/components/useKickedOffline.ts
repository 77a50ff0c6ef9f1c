'use client'
import type { KickInfo, SessionError } from '@chat-session/core'
import { useState } from 'react'
import { pascal } from '../i18n/messages'
import { errorText, useMessages } from '../i18n/useMessages'
import { useKicked } from '../useKicked'
import { useLatest } from '../useLatest'
import { useSession } from '../useSession'
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

interface Held {
  readonly kick: KickInfo
  readonly pending: KickedOfflineModel['pending']
  readonly error: SessionError | null
}

/**
 * The kicked-offline decision, headless. Open while `kicked` is set, and kept open while the user's choice
 * runs (the store clears `kicked` as soon as a new login starts) or after it failed, unless it failed in the
 * UserSig refresh: that is the session-expired dialog's to show.
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
  const live = useKicked()
  const onSignOut = useLatest(options.onSignOut)
  // Signed in again, or the re-login ended in a failed UserSig refresh: either way the kick's question is
  // answered. The second case belongs to the session-expired dialog, which would otherwise open over this one.
  const answered = useSession((s) => s.status === 'logged-in' || s.refresh === 'failed')
  const [held, setHeld] = useState<Held | null>(null)
  if (held && answered) setHeld(null)
  // A new kick replaces what was held for an older one.
  const current = held && !answered && (live === null || live === held.kick) ? held : null
  const kicked = live ?? current?.kick ?? null
  const pending = current?.pending ?? null
  const error = current?.error ?? null

  const retry = () => {
    if (!kicked || pending) return
    setHeld({ kick: kicked, pending: 'retry', error: null })
    const settle = (next: Held | null) =>
      setHeld((h) => (h?.kick === kicked && h.pending === 'retry' ? next : h))
    session.retry().then(
      () => settle(null),
      (e: SessionError) => settle({ kick: kicked, pending: null, error: e }),
    )
  }

  const signOut = () => {
    if (!kicked || pending === 'sign-out') return
    setHeld({ kick: kicked, pending: 'sign-out', error: null })
    session
      .logout()
      .catch(() => {})
      .then(() => {
        setHeld(null)
        onSignOut.current?.()
      })
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
