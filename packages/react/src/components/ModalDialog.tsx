'use client'
import { type ReactNode, useEffect, useId, useLayoutEffect, useRef } from 'react'
import { classes, type StyleProps } from './classes'

// Layout effect in the browser (the dialog opens before paint and closes before removal, which restores focus).
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * The parts of the kit's dialogs, for `classNames`.
 *
 * @example
 * <SessionExpiredDialog classNames={{ title: 'text-lg', button: 'btn' }} />
 */
export type DialogPart = 'title' | 'text' | 'note' | 'error' | 'actions' | 'button'

/**
 * One of a dialog's two buttons (used by the kit's dialogs).
 *
 * @example
 * const action: DialogAction = { label: 'Sign out', onClick: signOut }
 */
export interface DialogAction {
  readonly label: string
  readonly onClick: () => void
}

export interface ModalDialogProps {
  readonly style: StyleProps<DialogPart>
  readonly title: string
  readonly text: string
  readonly note?: string | null | undefined
  /** Shown as an alert inside the dialog. */
  readonly error?: string | null | undefined
  /** An action is running: both buttons are `aria-disabled` (they keep focus) and the dialog `aria-busy`. */
  readonly busy: boolean
  readonly state: string
  readonly reason?: string | undefined
  /** The first button (focused when the dialog opens: the safe action). */
  readonly safe: DialogAction
  /** The second, primary button. */
  readonly primary: DialogAction
  /** Which of the two gets focus when the dialog opens. Default `safe`. */
  readonly focus?: 'safe' | 'primary' | undefined
}

/**
 * The kit's dialogs: the platform's modal `<dialog>` as an alertdialog that only its own buttons can close.
 * `showModal()` gives real modality (inert page, focus kept inside, top layer); Esc and outside clicks do
 * nothing. Mount it to open it, unmount it to close it (focus goes back where it was).
 */
export function ModalDialog(props: ModalDialogProps): ReactNode {
  const { title, text, note, error, busy, safe, primary } = props
  const ref = useRef<HTMLDialogElement>(null)
  const first = useRef<HTMLButtonElement>(null)
  const second = useRef<HTMLButtonElement>(null)
  const focus = props.focus === 'primary' ? second : first
  const id = useId()
  const cls = classes('dialog', props.style)
  useIsomorphicLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const show = () => {
      // jsdom (where many apps test their UI) has no showModal(): open it in place there, so the dialog is
      // still found by role and its buttons work, without the top layer and the inert page.
      if (!dialog.open && dialog.isConnected) {
        if (dialog.showModal) dialog.showModal()
        else dialog.setAttribute('open', '')
      }
      focus.current?.focus()
    }
    const cancel = (event: Event) => event.preventDefault()
    dialog.addEventListener('cancel', cancel)
    // Chromium closes anyway on a second Esc without user activation in between: open it again.
    dialog.addEventListener('close', show)
    show()
    return () => {
      dialog.removeEventListener('cancel', cancel)
      dialog.removeEventListener('close', show)
      if (dialog.close) dialog.close()
      else dialog.removeAttribute('open')
    }
  }, [focus])
  const button = (action: DialogAction, target: typeof first, variant?: string) => (
    <button
      ref={target}
      type="button"
      className={cls('button')}
      data-variant={variant}
      aria-disabled={busy || undefined}
      onClick={busy ? undefined : action.onClick}
    >
      {action.label}
    </button>
  )
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      closedby="none"
      aria-labelledby={`${id}t`}
      aria-describedby={`${id}d`}
      aria-busy={busy}
      className={cls()}
      data-state={props.state}
      data-reason={props.reason}
    >
      <h2 id={`${id}t`} className={cls('title')}>
        {title}
      </h2>
      <div id={`${id}d`}>
        <p className={cls('text')}>{text}</p>
        {note && <p className={cls('note')}>{note}</p>}
      </div>
      {error && (
        <p role="alert" className={cls('error')}>
          {error}
        </p>
      )}
      <div className={cls('actions')}>
        {button(safe, first)}
        {button(primary, second, 'primary')}
      </div>
    </dialog>
  )
}
