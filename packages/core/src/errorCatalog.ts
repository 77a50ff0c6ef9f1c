import { SessionError, type SessionErrorKind } from './sessionError'

// Every code the Web SDK 3.6.6 or the server answers around login (reference 1.9, plus native 6206/6013),
// grouped by the kind the UI explains. Kept as a table of numbers: texts live with the UI's translations.
const KINDS: ReadonlyArray<readonly [SessionErrorKind, readonly number[]]> = [
  ['sig-expired', [70001, 20002, 6206, 3004]],
  ['sig-invalid', [70003, 2003]],
  ['sig-mismatch', [70013, 70014, 70020]],
  ['network', [2800, 2801, 2805, 2996, 60002, 60022]],
  ['not-initialized', [2000, 2022, 2023, 2024, 2999, 3000, 3001, 3005, 6013]],
  ['invalid-user-id', [2002]],
  ['repeat-login', [2025]],
  ['kicked', [1002, 3002, 3003, 3006]],
  ['forbidden', [60020]],
  ['unknown', [2903]],
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
