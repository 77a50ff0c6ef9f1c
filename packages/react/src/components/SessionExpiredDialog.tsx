'use client'
import type { ReactNode } from 'react'
import { classes, type StyleProps } from './classes'
import { type DialogPart, ModalDialog } from './ModalDialog'
import { type SessionExpiredOptions, useSessionExpired } from './useSessionExpired'

/**
 * Props of `<SessionExpiredDialog>`.
 *
 * @example
 * <SessionExpiredDialog onSignInRequested={goToLogin} refreshingAfter={2000} />
 */
export interface SessionExpiredDialogProps extends SessionExpiredOptions, StyleProps<DialogPart | 'status'> {}

/**
 * The UserSig-expired flow. Nothing shows while the automatic refresh works (a quiet "Refreshing session…"
 * status if it is slow); when it failed, a modal alertdialog offers "Try again" (focused first) and "Sign in"
 * (signs out and calls `onSignInRequested`). Headless: {@link useSessionExpired}.
 *
 * @example
 * <SessionExpiredDialog onSignInRequested={() => router.push('/login')} />
 */
export function SessionExpiredDialog(props: SessionExpiredDialogProps): ReactNode {
  const x = useSessionExpired(props)
  return (
    <>
      <div
        role="status"
        className={classes('dialog', props)('status')}
        data-state={x.refreshing ? 'refreshing' : 'idle'}
      >
        {x.status}
      </div>
      {x.open && (
        <ModalDialog
          style={props}
          title={x.title}
          text={x.text}
          error={x.errorText}
          busy={x.pending}
          state={x.pending ? 'retry' : x.errorText ? 'error' : 'open'}
          reason={x.error?.kind}
          safe={{ label: x.signInLabel, onClick: x.signIn }}
          primary={{ label: x.retryLabel, onClick: x.retry }}
          focus="primary"
        />
      )}
    </>
  )
}
