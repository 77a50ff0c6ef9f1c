import type { UserSigErrorCode } from './userSigHandlerTypes'

/** Every answer of the endpoint: JSON, never stored by a browser, proxy or CDN. */
export function json(status: number, payload: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(payload), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      // A UserSig is a credential: no browser, proxy or CDN may keep a copy.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  })
}

/** A failure answer: `{ error, message }` with `status`. */
export function fail(
  status: number,
  error: UserSigErrorCode,
  message: string,
  headers?: Record<string, string>,
): Response {
  return json(status, { error, message }, headers)
}
