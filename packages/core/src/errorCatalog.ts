import * as code from './chatErrorCode'
import { SessionError, type SessionErrorKind } from './sessionError'

// Every code the Web SDK 3.6.6 or the server answers around login (chatErrorCode.ts), grouped by the kind the UI
// explains. Numbers only: texts live with the UI's translations.
const KINDS: ReadonlyArray<readonly [SessionErrorKind, readonly code.ChatErrorCode[]]> = [
  [
    'sig-expired',
    [
      code.USERSIG_EXPIRED,
      code.MSG_A2KEY_EXPIRED,
      code.NATIVE_USERSIG_EXPIRED,
      code.KICKED_OUT_USERSIG_EXPIRED,
    ],
  ],
  ['sig-invalid', [code.USERSIG_INVALID, code.NO_USERSIG]],
  ['sig-mismatch', [code.USERID_MISMATCH, code.SDKAPPID_MISMATCH, code.SDKAPPID_NOT_FOUND]],
  [
    'network',
    [
      code.NETWORK_ERROR,
      code.NETWORK_TIMEOUT,
      code.NO_NETWORK,
      code.OVER_FREQUENCY_LIMIT,
      code.REQUEST_UNPARSABLE,
      code.SERVICE_OVERLOAD,
    ],
  ],
  [
    'not-initialized',
    [
      code.NO_SDKAPPID,
      code.NO_TINYID,
      code.NO_A2KEY,
      code.USER_NOT_LOGGED_IN,
      code.SDK_IS_NOT_READY,
      code.LOGGING_IN,
      code.LOGIN_FAILED,
      code.LOGGED_OUT,
      code.NATIVE_NOT_INITIALIZED,
    ],
  ],
  ['invalid-user-id', [code.NO_IDENTIFIER]],
  ['repeat-login', [code.REPEAT_LOGIN]],
  [
    'kicked',
    [
      code.HELLO_ANSWER_KICKED_OUT,
      code.KICKED_OUT_MULT_DEVICE,
      code.KICKED_OUT_MULT_ACCOUNT,
      code.KICKED_OUT_REST_API,
    ],
  ],
  ['forbidden', [code.NO_PACKAGE]],
  ['unknown', [code.UNCAUGHT_ERROR]],
]

/**
 * Code → kind for every code the kit knows.
 *
 * @example
 * errorCatalog.get(70001) // 'sig-expired'
 */
export const errorCatalog: ReadonlyMap<number, SessionErrorKind> = new Map(
  KINDS.flatMap(([kind, codes]) => codes.map((code) => [code, kind] as const)),
)

/**
 * Turns anything the SDK rejects or throws into a `SessionError` with a kind from the catalog.
 *
 * @example
 * toSessionError({ code: 70001, message: '' }).kind // 'sig-expired'
 */
export function toSessionError(error: unknown): SessionError {
  if (error instanceof SessionError) return error
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'number')
    return new SessionError(errorCatalog.get(code) ?? 'unknown', code, undefined, error)
  // The SDK throws `Params validate failed.` synchronously on bad login parameters, before any request.
  return new SessionError(
    /validate/.test(String((error as Error)?.message)) ? 'sig-invalid' : 'unknown',
    0,
    undefined,
    error,
  )
}
