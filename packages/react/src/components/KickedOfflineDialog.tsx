'use client'
import type { ReactNode } from 'react'
import type { StyleProps } from './classes'
import { type DialogPart, ModalDialog } from './ModalDialog'
import { type KickedOfflineOptions, useKickedOffline } from './useKickedOffline'

/**
 * Props of `<KickedOfflineDialog>`.
 *
 * @example
 * <KickedOfflineDialog onSignOut={goHome} classNames={{ button: 'btn' }} />
 */
export interface KickedOfflineDialogProps extends KickedOfflineOptions, StyleProps<DialogPart> {}

/**
 * The modal alertdialog for a session the server ended: another device, another tab or window (of this
 * browser or not), or an administrator. "Sign in again" (or "Use here") signs in again with a fresh UserSig;
 * "Sign out" (focused first) signs out and calls `onSignOut`. Esc and outside clicks do not dismiss it.
 * Headless: {@link useKickedOffline}.
 *
 * @example
 * <KickedOfflineDialog onSignOut={() => navigate('/')} />
 */
export function KickedOfflineDialog(props: KickedOfflineDialogProps): ReactNode {
  const k = useKickedOffline(props)
  if (!k.open) return null
  return (
    <ModalDialog
      style={props}
      title={k.title}
      text={k.text}
      note={k.note}
      error={k.errorText}
      busy={k.pending !== null}
      state={k.pending ?? (k.error ? 'error' : 'open')}
      reason={k.kicked?.reason}
      safe={{ label: k.signOutLabel, onClick: k.signOut }}
      primary={{ label: k.retryLabel, onClick: k.retry }}
    />
  )
}
