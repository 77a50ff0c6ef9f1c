'use client'
import { type FormEvent, type ReactNode, useId, useRef } from 'react'
import { useMessages } from '../i18n/useMessages'
import { classes, type StyleProps } from './classes'
import { type LoginFormOptions, useLoginForm } from './useLoginForm'

/**
 * Props of `<LoginForm>`.
 *
 * @example
 * <LoginForm defaultUserID="alice" onSuccess={(id) => navigate(`/chat/${id}`)} />
 */
export interface LoginFormProps
  extends LoginFormOptions,
    StyleProps<'label' | 'input' | 'hint' | 'field-error' | 'error' | 'button'> {}

/**
 * A "User ID" field and a "Sign in" button. The UserID is checked before anything is sent (inline error,
 * `aria-invalid`, `aria-describedby`); engine and server errors show as an alert. Headless: {@link useLoginForm}.
 *
 * @example
 * <SessionGate loggedOut={<LoginForm onSuccess={(id) => console.log('hello', id)} />}>…</SessionGate>
 */
export function LoginForm(props: LoginFormProps): ReactNode {
  const f = useLoginForm(props)
  const t = useMessages()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const cls = classes('form', props)
  const onSubmit = (event: FormEvent) => {
    if (!f.submit(event)) input.current?.focus()
  }
  return (
    <form
      className={cls()}
      noValidate
      onSubmit={onSubmit}
      aria-busy={f.pending}
      data-state={f.pending ? 'pending' : f.error ? 'error' : 'idle'}
    >
      <label htmlFor={`${id}i`} className={cls('label')}>
        {t.userIDLabel}
      </label>
      <input
        ref={input}
        id={`${id}i`}
        autoComplete="username"
        className={cls('input')}
        value={f.value}
        readOnly={f.pending}
        aria-invalid={f.fieldError ? true : undefined}
        aria-describedby={f.fieldError ? `${id}e ${id}h` : `${id}h`}
        onChange={(e) => f.setValue(e.target.value)}
      />
      <p id={`${id}h`} className={cls('hint')}>
        {t.userIDHint}
      </p>
      {f.fieldError && (
        <p id={`${id}e`} className={cls('field-error')}>
          {f.fieldError}
        </p>
      )}
      {f.error && (
        <p role="alert" className={cls('error')}>
          {f.error}
        </p>
      )}
      <button
        type="submit"
        className={cls('button')}
        data-variant="primary"
        aria-disabled={f.pending || undefined}
      >
        {f.pending ? t.signingIn : t.signIn}
      </button>
    </form>
  )
}
