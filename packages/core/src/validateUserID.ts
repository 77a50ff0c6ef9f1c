import { SessionError } from './sessionError'

const USER_ID = /^[A-Za-z0-9_-]{1,32}$/

/**
 * Checks a UserID against the platform's rule (1 to 32 bytes of `[A-Za-z0-9_-]`) before anything is sent.
 * Returns the error instead of throwing, so forms can show it inline.
 *
 * @example
 * validateUserID('alice')    // null
 * validateUserID('a b')      // SessionError { kind: 'invalid-user-id' }
 */
export function validateUserID(userID: unknown): SessionError | null {
  if (typeof userID !== 'string' || userID.length === 0) {
    return new SessionError('invalid-user-id', 'The UserID is empty.')
  }
  if (USER_ID.test(userID)) return null
  // The characters allowed are all ASCII, so the string length is its byte length.
  if (userID.length > 32 && /^[A-Za-z0-9_-]+$/.test(userID)) {
    return new SessionError(
      'invalid-user-id',
      `The UserID is ${userID.length} bytes long; at most 32 are allowed.`,
    )
  }
  return new SessionError(
    'invalid-user-id',
    'The UserID may only contain letters A-Z and a-z, digits, underscores and hyphens.',
  )
}
