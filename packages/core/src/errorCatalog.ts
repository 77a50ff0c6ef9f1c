import { SessionError, type SessionErrorKind } from './sessionError'

/**
 * Every code the Web SDK (3.6.6) or the server answers around login, with the kind the UI explains
 * and a short English text (the SDK's own messages are empty offline: it downloads them at runtime).
 */
export const errorCatalog: Readonly<Record<number, readonly [SessionErrorKind, string]>> = {
  2000: ['not-initialized', 'No SDKAppID was given to the chat SDK.'],
  2002: ['invalid-user-id', 'No UserID was given.'],
  2003: ['sig-invalid', 'No UserSig was given.'],
  2022: ['not-initialized', 'The chat SDK has no session (no TinyID).'],
  2023: ['not-initialized', 'The chat SDK has no session key.'],
  2024: ['not-initialized', 'Not signed in to chat.'],
  2025: ['repeat-login', 'A sign-in is already in progress.'],
  2800: ['network', 'Network error.'],
  2801: ['network', 'The chat server did not answer in time.'],
  2805: ['network', 'No network.'],
  2903: ['unknown', 'Unexpected error in the chat SDK.'],
  2996: ['network', 'Too many requests; try again shortly.'],
  2999: ['not-initialized', 'The chat SDK is not ready.'],
  3000: ['not-initialized', 'Signing in to chat is still in progress.'],
  3001: ['not-initialized', 'Signing in to chat failed.'],
  3002: ['kicked', 'Signed out: the account signed in on another device.'],
  3003: ['kicked', 'Signed out: the account signed in elsewhere.'],
  3004: ['sig-expired', 'Signed out: the UserSig expired.'],
  3005: ['not-initialized', 'Signed out of chat.'],
  3006: ['kicked', 'Signed out by an administrator.'],
  1002: ['kicked', 'Signed out by the server.'],
  6013: ['not-initialized', 'The chat SDK is not initialized.'],
  6206: ['sig-expired', 'The UserSig expired.'],
  20002: ['sig-expired', 'The UserSig expired.'],
  60002: ['network', 'The chat connection failed.'],
  60020: ['forbidden', 'The chat service is not enabled for this app.'],
  60022: ['network', 'The chat service is overloaded; try again shortly.'],
  70001: ['sig-expired', 'The UserSig expired.'],
  70003: ['sig-invalid', 'The UserSig is invalid.'],
  70013: ['sig-mismatch', 'The UserSig was made for another user.'],
  70014: ['sig-mismatch', 'The UserSig was made for another app.'],
  70020: ['sig-mismatch', 'The app (SDKAppID) was not found.'],
}

/**
 * Turns anything the SDK rejects or throws into a `SessionError` with a kind from the catalog.
 *
 * @example
 * toSessionError({ code: 70001, message: '' }).kind // 'sig-expired'
 */
export function toSessionError(error: unknown): SessionError {
  if (error instanceof SessionError) return error
  const code = readCode(error)
  const sdkMessage =
    error instanceof Error || isObject(error) ? String((error as { message?: unknown }).message ?? '') : ''
  if (code !== undefined) {
    const [kind, text] = errorCatalog[code] ?? ['unknown', `Chat error ${code}.`]
    return new SessionError(kind, sdkMessage.trim() || text, { code, cause: error })
  }
  // The SDK throws synchronously on bad login parameters, before any request.
  if (sdkMessage === 'Params validate failed.') {
    return new SessionError('sig-invalid', 'The chat SDK refused the login parameters.', { cause: error })
  }
  return new SessionError('unknown', sdkMessage || 'Unexpected error.', { cause: error })
}

function readCode(error: unknown): number | undefined {
  if (!isObject(error)) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'number' && Number.isFinite(code) ? code : undefined
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}
