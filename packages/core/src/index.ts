export { type DecodedUserSig, decodeUserSig } from './decodeUserSig'
export { isRetryableKind, SessionError, type SessionErrorInfo, type SessionErrorKind } from './sessionError'
export { validateUserID } from './validateUserID'
