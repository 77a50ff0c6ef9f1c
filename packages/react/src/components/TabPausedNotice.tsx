'use client'
import { type ReactNode, useCallback, useRef } from 'react'
import { classes, type StyleProps } from './classes'
import { useTabPaused } from './useTabPaused'

/**
 * Props of `<TabPausedNotice>`.
 *
 * @example
 * <TabPausedNotice className="app-notice" classNames={{ button: 'btn' }} />
 */
export interface TabPausedNoticeProps extends StyleProps<'status' | 'title' | 'text' | 'button'> {}

/**
 * A quiet notice for a paused tab (another tab of this browser holds the session): "Chat is open in another
 * tab" and a "Use here" button. Not a dialog: it takes no focus and blocks nothing; the text is a polite live
 * region (`role="status"`, always mounted, empty while there is nothing to say). The tab also takes the session
 * back by itself when the user returns to it. Headless: {@link useTabPaused}.
 *
 * @example
 * <ChatSessionProvider chat={chat} fetchUserSig={userSigFromEndpoint('/api/usersig')} userID="alice">
 *   <TabPausedNotice />
 * </ChatSessionProvider>
 */
export function TabPausedNotice(props: TabPausedNoticeProps): ReactNode {
  const p = useTabPaused()
  const cls = classes('notice', props)
  const shown = p.paused || p.pending
  const root = useRef<HTMLDivElement>(null)
  // Called before the button leaves the page: when it had focus, the notice keeps it rather than <body>.
  const keepFocus = useCallback((node: HTMLButtonElement | null) => {
    if (!node && root.current?.contains(document.activeElement)) root.current.focus()
  }, [])
  return (
    <div
      ref={root}
      tabIndex={-1}
      className={cls()}
      data-state={p.pending ? 'pending' : shown ? 'paused' : 'hidden'}
    >
      <div role="status" className={cls('status')}>
        {shown && (
          <>
            <strong className={cls('title')}>{p.title}</strong> <span className={cls('text')}>{p.text}</span>
          </>
        )}
      </div>
      {shown && (
        <button
          ref={keepFocus}
          type="button"
          className={cls('button')}
          aria-disabled={p.pending || undefined}
          onClick={p.useHere}
        >
          {p.useHereLabel}
        </button>
      )}
    </div>
  )
}
