'use client'
import type { SessionErrorKind } from '@chat-session/core'

/**
 * The built-in languages.
 *
 * @example
 * const locale: Locale = navigator.language.startsWith('zh') ? 'zh-CN' : 'en'
 */
export type Locale = 'en' | 'zh-CN'

/**
 * Every user-visible string of the components. `{userID}` is replaced by the user concerned.
 * Override any subset with the `messages` prop of `<ChatSessionProvider>`.
 *
 * @example
 * const messages: Partial<Messages> = { bannerOffline: 'No internet connection', errorForbidden: 'Access revoked.' }
 */
export interface Messages extends Record<ErrorMessageKey, string> {
  bannerOffline: string
  bannerReconnecting: string
  bannerReconnected: string
  bannerOutageOffline: string
  bannerOutageReconnecting: string
  kickedTitleMultiDevice: string
  kickedTextMultiDevice: string
  kickedTitleMultiAccount: string
  kickedTextMultiAccount: string
  kickedTitleThisBrowser: string
  kickedTextThisBrowser: string
  kickedTitleRestApi: string
  kickedTextRestApi: string
  /** Shown under the kick text: what "Sign in again" does to the other side. */
  kickedRetryNote: string
  kickedSignInAgain: string
  kickedUseHere: string
  /** The paused notice: another tab of this browser holds the session (its button is `kickedUseHere`). */
  tabPausedTitle: string
  tabPausedText: string
  signOut: string
  signingIn: string
  signingOut: string
  expiredRefreshing: string
  expiredTitle: string
  expiredText: string
  expiredForbiddenText: string
  tryAgain: string
  signIn: string
  statusLoggedOut: string
  statusLoggedIn: string
  /** The badge while another tab of this browser holds the session. */
  statusPaused: string
  userIDLabel: string
  userIDHint: string
  userIDEmpty: string
  userIDTooLong: string
  userIDChars: string
}

export type Pascal<S extends string> = S extends `${infer H}-${infer T}`
  ? `${Capitalize<H>}${Pascal<T>}`
  : Capitalize<S>

/**
 * The message key that explains a `SessionError` kind: `sig-expired` → `errorSigExpired`.
 *
 * @example
 * const key: ErrorMessageKey = 'errorNetwork'
 */
export type ErrorMessageKey = `error${Pascal<SessionErrorKind>}`

/**
 * The message key for an error kind (every kind has one: a new kind fails to compile until translated).
 *
 * @example
 * errorMessageKey('invalid-user-id') // 'errorInvalidUserId'
 */
export function errorMessageKey(kind: SessionErrorKind): ErrorMessageKey {
  return `error${pascal(kind)}`
}

/** `multi-device` → `MultiDevice`, typed. */
export function pascal<S extends string>(words: S): Pascal<S> {
  return words.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase()) as Pascal<S>
}
