import { SessionError } from './sessionError'
import type { FetchUserSig, FetchUserSigResult } from './types'

/**
 * The client half of `createUserSigHandler` (`@chat-session/server`): a {@link FetchUserSig} that POSTs
 * `{"userID": …}` as JSON to `url` (same-origin credentials, `no-store`, aborted through the engine's `signal`
 * and `init.signal` if given) and maps the answer to what the engine expects:
 * - 200 `{ userSig, expiresAt }`: the sig;
 * - 401 / 403: `{ error: 'forbidden', message }`, terminal (the user must sign in to the app again);
 * - 408, 429, 5xx, or no answer at all (`fetch` rejects): transient, retried with backoff that waits at least
 *   the server's `Retry-After`;
 * - anything else (400, 404, 405, 415, a 200 that is not JSON): `fetcher-failed` naming the status, detail
 *   `answer`, terminal: retrying cannot fix a wrong URL, method or request.
 *
 * `init` adds to the request (e.g. an `Authorization` header); method, body and content type are the endpoint's.
 * An `init.signal` is combined with the engine's through `AbortSignal.any` (current browsers, Node 20.3+).
 *
 * @example
 * <ChatSessionProvider chat={chat} userID="alice" fetchUserSig={userSigFromEndpoint('/api/usersig')}>
 */
export function userSigFromEndpoint(url: string | URL, init: RequestInit = {}): FetchUserSig {
  return async (userID, { signal }) => {
    const headers = new Headers(init.headers)
    headers.set('content-type', 'application/json')
    const res = await fetch(url, {
      credentials: 'same-origin',
      cache: 'no-store',
      ...init,
      method: 'POST',
      headers,
      body: JSON.stringify({ userID }),
      signal: init.signal ? AbortSignal.any([signal, init.signal]) : signal,
    })
    const { status } = res
    const body = (await res.json().catch(() => undefined)) as { message?: unknown } | undefined
    // The server's own words for a failure (`{ error, message }`); never the body of a success (the sig).
    const message = typeof body?.message === 'string' ? body.message : undefined
    if (status === 401 || status === 403) return { error: 'forbidden', message }
    if (res.ok && body !== undefined) return body as FetchUserSigResult
    const said = `usersig endpoint answered ${status}${res.ok ? ', not JSON' : message ? `: ${message}` : ''}`
    if (status === 408 || status === 429 || status >= 500) {
      throw new SessionError(
        'fetcher-failed',
        status,
        undefined,
        said,
        retryAfter(res.headers.get('retry-after')),
      )
    }
    throw new SessionError('fetcher-failed', status, 'answer', said)
  }
}

/** `Retry-After` in ms: delay-seconds or an HTTP-date; undefined when absent, past or unreadable. */
function retryAfter(value: string | null): number | undefined {
  const ms =
    value === null ? 0 : /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now()
  return ms > 0 ? ms : undefined
}
