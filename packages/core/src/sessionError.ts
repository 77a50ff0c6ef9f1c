/**
 * What went wrong, in words the UI can explain. Every failure the kit reports carries one of these.
 * - `sig-expired`: the UserSig expired (70001, 20002, 6206) or the fetcher handed back a sig already rejected.
 * - `sig-invalid`: the UserSig is malformed or forged (70003), or the fetcher returned something that is not a sig.
 * - `sig-mismatch`: the UserSig was made for another user or app (70013, 70014, 70020).
 * - `network` / `timeout`: transient; the engine backs off and retries.
 * - `forbidden`: the fetcher said the user may not sign in (the user must sign in to the app again).
 * - `fetcher-failed`: the fetcher threw (transient).
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

/** The serializable part of a {@link SessionError}: safe to put in a store, a log or a test snapshot. */
export interface SessionErrorInfo {
  readonly kind: SessionErrorKind
  /** The SDK or server code when there is one (e.g. 70001, 2801). */
  readonly code?: number | undefined
  readonly message: string
}

/**
 * The one error type the kit throws and stores.
 *
 * @example
 * try { await session.login('alice') } catch (e) {
 *   if (e instanceof SessionError && e.kind === 'forbidden') showSignInPage()
 * }
 */
export class SessionError extends Error implements SessionErrorInfo {
  override readonly name = 'SessionError'
  readonly kind: SessionErrorKind
  readonly code: number | undefined

  constructor(
    kind: SessionErrorKind,
    message: string,
    options?: { code?: number | undefined; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.kind = kind
    this.code = options?.code
  }

  /** Transient failures are retried with backoff; the rest stop and wait for the user. */
  get retryable(): boolean {
    return isRetryableKind(this.kind)
  }

  toJSON(): SessionErrorInfo {
    return { kind: this.kind, code: this.code, message: this.message }
  }
}

/** Whether the engine retries this kind by itself (with backoff). */
export function isRetryableKind(kind: SessionErrorKind): boolean {
  return kind === 'network' || kind === 'timeout' || kind === 'fetcher-failed' || kind === 'repeat-login'
}
