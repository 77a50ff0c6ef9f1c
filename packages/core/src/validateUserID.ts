import { SessionError } from './sessionError'

/**
 * Checks a UserID against the platform's rule (1 to 32 bytes of `[A-Za-z0-9_-]`) before anything is sent.
 * Returns the error instead of throwing, so forms can show it inline; `detail` says which part failed
 * (`empty`, `too-long`, `characters`).
 *
 * @example
 * validateUserID('alice')    // null
 * validateUserID('a b')      // SessionError { kind: 'invalid-user-id', detail: 'characters' }
 */
export function validateUserID(userID: unknown): SessionError | null {
  if (typeof userID !== 'string' || !userID) return new SessionError('invalid-user-id', undefined, 'empty')
  // Every allowed character is ASCII, so the string length is its byte length.
  if (!/^[\w-]+$/.test(userID)) return new SessionError('invalid-user-id', undefined, 'characters')
  return userID.length > 32 ? new SessionError('invalid-user-id', undefined, 'too-long') : null
}
