'use client'
import { validateUserID } from '@chat-session/core'
import { type FormEvent, useState } from 'react'
import type { Messages } from '../i18n/messages'
import { errorText, useMessages } from '../i18n/useMessages'
import { useLatest } from '../useLatest'
import { useLogin } from '../useLogin'
import { useSession } from '../useSession'
import { useWaitingForNetwork } from './useWaitingForNetwork'

/**
 * The sign-in form's start value and success callback.
 *
 * @example
 * useLoginForm({ defaultUserID: 'alice', onSuccess: (id) => console.log(id) })
 */
export interface LoginFormOptions {
  /** The field's initial value. */
  readonly defaultUserID?: string | undefined
  /** Called once the session is ready for the user who signed in. */
  readonly onSuccess?: ((userID: string) => void) | undefined
}

/**
 * The sign-in form's value, errors and submit, from {@link useLoginForm}.
 *
 * @example
 * const { value, fieldError, submit }: LoginFormModel = useLoginForm()
 */
export interface LoginFormModel {
  readonly value: string
  setValue(value: string): void
  /** Why the UserID is not valid (shown once a submit was tried); null when fine. */
  readonly fieldError: string | null
  /** Why signing in failed (from the engine or the server); null when it did not. */
  readonly error: string | null
  readonly pending: boolean
  /** Validates, then signs in with `useLogin()`. Returns false when the UserID is not valid. */
  submit(event?: FormEvent): boolean
}

function userIDError(t: Messages, value: string): string | null {
  const detail = validateUserID(value)?.detail
  if (!detail) return null
  return detail === 'empty' ? t.userIDEmpty : detail === 'too-long' ? t.userIDTooLong : t.userIDChars
}

/**
 * The sign-in form, headless: the UserID checked with `validateUserID` before anything is sent, then
 * `useLogin()`.
 *
 * @example
 * const f = useLoginForm({ onSuccess: () => navigate('/chat') })
 * <form onSubmit={f.submit}>
 *   <input value={f.value} onChange={(e) => f.setValue(e.target.value)} aria-invalid={!!f.fieldError} />
 * </form>
 */
export function useLoginForm(options: LoginFormOptions = {}): LoginFormModel {
  const t = useMessages()
  const login = useLogin()
  const onSuccess = useLatest(options.onSuccess)
  const [value, setValue] = useState(options.defaultUserID ?? '')
  const [tried, setTried] = useState(false)
  const invalid = userIDError(t, value)
  // The session may sign in without this form (the provider's `userID`, a retry when the network returns):
  // the form follows it, so a failed attempt's error goes away once a new one runs or succeeds.
  const status = useSession((s) => s.status)
  // The store's error, not the mutation's: a login the form did not start (the provider's `userID`) fails there too.
  const failure = useSession((s) => (s.status === 'logged-out' ? s.error : null))
  const pending = login.isPending || status === 'logging-in'
  const waiting = useWaitingForNetwork(failure)
  return {
    value,
    setValue,
    fieldError: tried ? invalid : null,
    error: failure && (waiting ? t.bannerOffline : errorText(t, failure)),
    pending,
    submit(event) {
      event?.preventDefault()
      setTried(true)
      if (invalid) return false
      if (!pending) login.mutate(value, { onSuccess: () => onSuccess.current?.(value) })
      return true
    },
  }
}
