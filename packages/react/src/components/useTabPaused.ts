'use client'
import type { SessionSnapshot } from '@chat-session/core'
import { useMessages } from '../i18n/useMessages'
import { shallowEqual, useSession } from '../useSession'
import { useSessionContext } from '../useSessionContext'
import { usePausedAs } from './usePausedAs'

/**
 * The paused-tab notice's state, texts and action, from {@link useTabPaused}.
 *
 * @example
 * const { paused, pending, useHere }: TabPausedModel = useTabPaused()
 */
export interface TabPausedModel {
  /** Another tab of this browser holds this user's session (`status: 'paused'`); this tab is not signed out. */
  readonly paused: boolean
  /** The session is being taken over here ("Use here", or the user came back to this tab). */
  readonly pending: boolean
  /** The paused user (also while `pending`); null otherwise. */
  readonly userID: string | null
  readonly title: string
  readonly text: string
  /** "Use here", or "Signing in…" while `pending`. */
  readonly useHereLabel: string
  /** Takes the session over in this tab (`session.retry()`); the other tab pauses. */
  useHere(): void
}

const select = (s: SessionSnapshot) => ({ status: s.status, userID: s.userID })

/**
 * The paused tab, headless. With `tabs: 'follow-focus'` (the default), a tab whose session another tab of this
 * browser took over is `paused`, not signed out, and takes the session back by itself when the user returns to
 * it. Show a quiet notice while `paused || pending`: pending keeps it (and its focused button) in place while
 * the takeover runs, so the click that brought the user back still lands on "Use here".
 *
 * @example
 * const p = useTabPaused()
 * <div role="status">{(p.paused || p.pending) && <p>{p.title}</p>}</div>
 * {(p.paused || p.pending) && <button onClick={p.useHere} aria-disabled={p.pending}>{p.useHereLabel}</button>}
 */
export function useTabPaused(): TabPausedModel {
  const { session } = useSessionContext()
  const t = useMessages()
  const { status, userID } = useSession(select, shallowEqual)
  const held = usePausedAs(status, userID)
  const paused = status === 'paused'
  const pending = !paused && held !== null
  return {
    paused,
    pending,
    userID: held,
    title: t.tabPausedTitle,
    text: t.tabPausedText.replace('{userID}', userID ?? ''),
    useHereLabel: pending ? t.signingIn : t.kickedUseHere,
    useHere() {
      if (paused) session.retry().catch(() => {})
    },
  }
}
