/**
 * What went wrong, in words the UI can explain (the React package maps each kind to a message).
 * - `sig-expired`: the UserSig expired (70001, 20002, 6206) or the fetcher handed back a sig already rejected.
 * - `sig-invalid`: the UserSig is malformed or forged (70003), or the fetcher returned something that is not a sig.
 * - `sig-mismatch`: the UserSig was made for another user or app (70013, 70014, 70020).
 * - `network` / `timeout`: transient; the engine backs off and retries.
 * - `forbidden`: the fetcher said the user may not sign in (the user must sign in to the app again).
 * - `fetcher-failed`: the fetcher threw or its endpoint failed (transient, `code` the HTTP status when there is
 *   one), or it answered something unusable (detail `answer`: an HTTP status such as 405, not a UserSig's shape;
 *   terminal, since retrying cannot fix it).
 * - `kicked`: signed out by the server (another device, another tab, an administrator).
 * - `superseded`: a newer `login()`/`logout()` replaced this call.
 */
export type SessionErrorKind =
  | 'sig-expired'
  | 'sig-invalid'
  | 'sig-mismatch'
  | 'network'
  | 'timeout'
  | 'not-initialized'
  | 'repeat-login'
  | 'forbidden'
  | 'invalid-user-id'
  | 'fetcher-failed'
  | 'kicked'
  | 'superseded'
  | 'disposed'
  | 'unknown'

/**
 * A finer reason within a kind, for UI text:
 * `stale` (the fetcher returned a rejected sig), `exhausted` (refreshing kept failing), `answer` (the fetcher's
 * answer is unusable: terminal), `fetcher` / `login`
 * (which step timed out), `empty` / `too-long` / `characters` (why a UserID is invalid), `user` / `app` (mismatch).
 */
export type SessionErrorDetail =
  | 'stale'
  | 'exhausted'
  | 'answer'
  | 'fetcher'
  | 'login'
  | 'empty'
  | 'too-long'
  | 'characters'
  | 'user'
  | 'app'

/** The serializable part of a {@link SessionError}: safe to put in a store, a log or a test snapshot. */
export interface SessionErrorInfo {
  readonly kind: SessionErrorKind
  /** The SDK or server code when there is one (e.g. 70001, 2801). */
  readonly code: number | undefined
  readonly detail: SessionErrorDetail | undefined
  readonly message: string
}

/**
 * The one error type the kit throws and stores. The message is for logs; UIs translate `kind` (and `detail`).
 *
 * @example
 * try { await session.login('alice') } catch (e) {
 *   if (e instanceof SessionError && e.kind === 'forbidden') showSignInPage()
 * }
 */
export class SessionError extends Error implements SessionErrorInfo {
  override readonly name = 'SessionError'
  declare readonly kind: SessionErrorKind
  declare readonly code: number | undefined
  declare readonly detail: SessionErrorDetail | undefined
  /**
   * The least wait before the next attempt, in ms, when the server said so (`Retry-After` on a 429 or 503).
   * The engine's backoff waits at least this long (at most 5 minutes).
   */
  declare readonly retryAfter: number | undefined

  constructor(
    kind: SessionErrorKind,
    code?: number,
    detail?: SessionErrorDetail,
    cause?: unknown,
    retryAfter?: number,
  ) {
    const said = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : ''
    super(`${kind}${code ? ` ${code}` : ''}${detail ? ` (${detail})` : ''}${said ? `: ${said}` : ''}`, {
      cause,
    })
    Object.assign(this, { kind, code, detail, retryAfter })
  }

  /**
   * Transient failures (network, timeouts, a throwing fetcher, 2025) are retried with backoff; the rest stop and
   * wait for the user, as does a fetcher answer retrying cannot fix (detail `answer`).
   */
  get retryable(): boolean {
    return (
      ['network', 'timeout', 'fetcher-failed', 'repeat-login'].includes(this.kind) && this.detail !== 'answer'
    )
  }

  toJSON(): SessionErrorInfo {
    return { kind: this.kind, code: this.code, detail: this.detail, message: this.message }
  }
}
