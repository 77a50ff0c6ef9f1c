/**
 * Why a REST API call failed:
 * - `rejected`: Tencent answered `ActionStatus: 'FAIL'` with an `ErrorCode` that retrying will not fix;
 * - `unavailable`: still failing after the retries (network errors, timeouts, HTTP 5xx/429, busy codes);
 * - `bad-answer`: the answer was not the REST API's JSON.
 */
export type ChatRestApiErrorKind = 'rejected' | 'unavailable' | 'bad-answer'

/**
 * A failed Tencent Chat REST API call. The message names the command, the status and Tencent's `ErrorCode`
 * and `ErrorInfo`; never the administrator's UserSig, the secret key or the request URL (which carries the sig).
 *
 * @example
 * try {
 *   await chatAdmin.kick('alice')
 * } catch (error) {
 *   if (error instanceof ChatRestApiError && error.kind === 'unavailable') queue.retryLater('alice')
 *   else throw error
 * }
 */
export class ChatRestApiError extends Error {
  override readonly name = 'ChatRestApiError'
  readonly kind: ChatRestApiErrorKind
  /** The REST command, e.g. `v4/im_open_login_svc/kick`. */
  readonly command: string
  /** Tencent's `ErrorCode`, when there was an answer with one. */
  readonly errorCode: number | undefined
  /** The last HTTP status, when there was an answer. */
  readonly status: number | undefined
  /** How many requests were made. */
  readonly attempts: number

  constructor(
    kind: ChatRestApiErrorKind,
    message: string,
    details: {
      command: string
      errorCode?: number | undefined
      status?: number | undefined
      attempts: number
      cause?: unknown
    },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.kind = kind
    this.command = details.command
    this.errorCode = details.errorCode
    this.status = details.status
    this.attempts = details.attempts
  }
}
