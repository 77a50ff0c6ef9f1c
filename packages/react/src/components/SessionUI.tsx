'use client'
import type { ReactNode } from 'react'
import { ConnectionBanner, type ConnectionBannerProps } from './ConnectionBanner'
import { KickedOfflineDialog } from './KickedOfflineDialog'
import { SessionExpiredDialog } from './SessionExpiredDialog'
import { TabPausedNotice } from './TabPausedNotice'

/**
 * Props of `<SessionUI>`.
 *
 * @example
 * <SessionUI onSignOut={goHome} onSignInRequested={goToLogin} />
 */
export interface SessionUIProps extends Pick<ConnectionBannerProps, 'reconnectedFor' | 'alertAfter'> {
  /** After "Sign out" in the kicked-offline dialog. */
  readonly onSignOut?: (() => void) | undefined
  /** After "Sign in" in the session-expired dialog: show the app's sign-in. */
  readonly onSignInRequested?: (() => void) | undefined
  /** Leaves out the kit's class names on all four parts. */
  readonly unstyled?: boolean | undefined
}

/**
 * The whole session UI in one line: {@link ConnectionBanner}, {@link TabPausedNotice}, {@link KickedOfflineDialog}
 * and {@link SessionExpiredDialog}. Put it where the banner and the notice should appear (the dialogs are modal).
 *
 * @example
 * import '@chat-session/react/styles.css'
 * <ChatSessionProvider chat={chat} fetchUserSig={userSigFromEndpoint('/api/usersig')} userID={user.id} locale="zh-CN">
 *   <SessionUI onSignOut={goHome} onSignInRequested={goToLogin} />
 *   <Chat />
 * </ChatSessionProvider>
 */
export function SessionUI(props: SessionUIProps): ReactNode {
  const { onSignOut, onSignInRequested, unstyled, reconnectedFor, alertAfter } = props
  return (
    <>
      <ConnectionBanner unstyled={unstyled} reconnectedFor={reconnectedFor} alertAfter={alertAfter} />
      <TabPausedNotice unstyled={unstyled} />
      <KickedOfflineDialog unstyled={unstyled} onSignOut={onSignOut} />
      <SessionExpiredDialog unstyled={unstyled} onSignInRequested={onSignInRequested} />
    </>
  )
}
