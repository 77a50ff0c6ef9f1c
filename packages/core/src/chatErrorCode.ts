// The wire codes the kit knows: what the Web SDK 3.6.6, its ready-guard and the Chat backend answer around a
// session (reference 1.9), the REST API codes the local gateway answers, and the native SDKs' two login codes.
// Each is its own constant as well as a row of CHAT_ERROR_CODE: the main entry's catalog imports the constants,
// which the bundler inlines as numbers (an object's properties it would keep, names and all).

/** SDKAppID missing at create(). */
export const NO_SDKAPPID = 2000
/** UserID missing (the SDK's validator usually throws `Params validate failed.` first). */
export const NO_IDENTIFIER = 2002
/** UserSig missing (the validator usually throws first). */
export const NO_USERSIG = 2003
export const NO_TINYID = 2022
export const NO_A2KEY = 2023
/** Not logged in: the ready-guard's first reason, and `logout()`/`destroy()` without a session. */
export const USER_NOT_LOGGED_IN = 2024
/** A login while one started 15 s ago or less is still pending. */
export const REPEAT_LOGIN = 2025
export const NETWORK_ERROR = 2800
/** A request (a login: after 90 s) got no answer; comes with `data: {headSeq}`. */
export const NETWORK_TIMEOUT = 2801
export const NO_NETWORK = 2805
export const UNCAUGHT_ERROR = 2903
export const OVER_FREQUENCY_LIMIT = 2996
export const SDK_IS_NOT_READY = 2999
/** The ready-guard's not-ready reasons (3000 to 3006). */
export const LOGGING_IN = 3000
export const LOGIN_FAILED = 3001
export const KICKED_OUT_MULT_DEVICE = 3002
export const KICKED_OUT_MULT_ACCOUNT = 3003
export const KICKED_OUT_USERSIG_EXPIRED = 3004
export const LOGGED_OUT = 3005
export const KICKED_OUT_REST_API = 3006
/** The backend's heartbeat answer to a kicked instance, with `KickType` 1, 2 or 3. */
export const HELLO_ANSWER_KICKED_OUT = 1002
/** The session's a2 key expired (the SDK treats it as 70001). */
export const MSG_A2KEY_EXPIRED = 20002
/** REST API: the HTTP request (URL, query) cannot be parsed. On a socket ping's answer the SDK takes it as fatal. */
export const REQUEST_UNPARSABLE = 60002
/** REST API: the body is not the JSON the call needs. */
export const JSON_UNPARSABLE = 60003
/** REST API: the call needs an app administrator's UserSig. */
export const ADMIN_REQUIRED = 60010
/** The app's plan does not include the service. */
export const NO_PACKAGE = 60020
export const SERVICE_OVERLOAD = 60022
/** The UserSig (or the session derived from it) expired: `ACCOUNT_A2KEY_EXPIRED`. */
export const USERSIG_EXPIRED = 70001
/** The UserSig cannot be decoded, or its HMAC does not match the app's key. */
export const USERSIG_INVALID = 70003
/** The UserSig was made for another UserID. */
export const USERID_MISMATCH = 70013
/** The UserSig was made for another SDKAppID. */
export const SDKAPPID_MISMATCH = 70014
/** The SDKAppID is unknown. */
export const SDKAPPID_NOT_FOUND = 70020
/** Native SDKs: the UserSig expired. */
export const NATIVE_USERSIG_EXPIRED = 6206
/** Native SDKs: the SDK is not initialized. */
export const NATIVE_NOT_INITIALIZED = 6013

/**
 * Every wire code the kit knows, by the SDK's name where it has one: the one table of codes, which the testing
 * package's fake SDK and gateway use too (`errorCatalog` maps each to the kind the UI explains).
 *
 * @example
 * chat.login({ userID, userSig }).catch((e) => e.code === CHAT_ERROR_CODE.USERSIG_EXPIRED && refetchSig())
 */
export const CHAT_ERROR_CODE = {
  NO_SDKAPPID,
  NO_IDENTIFIER,
  NO_USERSIG,
  NO_TINYID,
  NO_A2KEY,
  USER_NOT_LOGGED_IN,
  REPEAT_LOGIN,
  NETWORK_ERROR,
  NETWORK_TIMEOUT,
  NO_NETWORK,
  UNCAUGHT_ERROR,
  OVER_FREQUENCY_LIMIT,
  SDK_IS_NOT_READY,
  LOGGING_IN,
  LOGIN_FAILED,
  KICKED_OUT_MULT_DEVICE,
  KICKED_OUT_MULT_ACCOUNT,
  KICKED_OUT_USERSIG_EXPIRED,
  LOGGED_OUT,
  KICKED_OUT_REST_API,
  HELLO_ANSWER_KICKED_OUT,
  MSG_A2KEY_EXPIRED,
  REQUEST_UNPARSABLE,
  JSON_UNPARSABLE,
  ADMIN_REQUIRED,
  NO_PACKAGE,
  SERVICE_OVERLOAD,
  USERSIG_EXPIRED,
  USERSIG_INVALID,
  USERID_MISMATCH,
  SDKAPPID_MISMATCH,
  SDKAPPID_NOT_FOUND,
  NATIVE_USERSIG_EXPIRED,
  NATIVE_NOT_INITIALIZED,
} as const

/** A code of {@link CHAT_ERROR_CODE}. */
export type ChatErrorCode = (typeof CHAT_ERROR_CODE)[keyof typeof CHAT_ERROR_CODE]
