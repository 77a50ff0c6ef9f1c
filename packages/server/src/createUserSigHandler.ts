import { validateUserID } from '@chat-session/core'
import { createSigner } from './createSigner'
import { fail, json } from './jsonAnswer'
import { createRateLimiter, type RateLimit, type RateLimiter } from './rateLimiter'
import { RateLimiterUnavailableError } from './rateLimiterUnavailableError'
import { readText, TOO_LARGE } from './readText'
import type { UserSigAuthorization, UserSigHandler, UserSigHandlerOptions } from './userSigHandlerTypes'

export type {
  AuthorizeContext,
  UserSigAuthorization,
  UserSigErrorCode,
  UserSigHandler,
  UserSigHandlerLogger,
  UserSigHandlerOptions,
} from './userSigHandlerTypes'

const DEFAULT_RATE_LIMIT: RateLimit = { max: 10, windowMs: 60_000 }
const DEFAULT_MAX_BODY = 1024

/**
 * Builds the UserSig endpoint: `POST` with a JSON body (`{"userID": "alice"}`, or `{}` when the app's session
 * already says who the user is) answers `{ userSig, expiresAt, serverTime }` (Unix ms) for the user `authorize` allows,
 * signed like Tencent's `tls-sig-api-v2` (byte for byte) on Web Crypto, so it runs on Node and edge runtimes. Every answer is JSON with `Cache-Control: no-store`; failures are
 * `{ error, message }` with 400 (bad JSON, invalid UserID), 401/403 (from `authorize`), 405, 413, 415, 429
 * (with `Retry-After`) or 503 (with `Retry-After`: the limiter's store is unavailable). JSON only, so a cross-site form cannot post to it without a CORS preflight.
 *
 * @example
 * // Next.js: app/api/usersig/route.ts
 * const handler = createUserSigHandler({
 *   sdkAppId: Number(process.env.CHAT_SDK_APP_ID),
 *   secretKey: process.env.CHAT_SECRET_KEY!,
 *   expiresIn: 7 * 86_400,
 *   authorize: async (request) => (await getAppSession(request))?.chatUserID ?? null,
 * })
 * export const POST = handler
 *
 * @example
 * // node:http
 * createServer(toNodeListener(handler)).listen(8080, '127.0.0.1')
 */
export function createUserSigHandler(options: UserSigHandlerOptions): UserSigHandler {
  const { sdkAppId, secretKey, expiresIn, authorize, logger = console, now = Date.now } = options
  if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) {
    throw new RangeError('sdkAppId must be a positive integer')
  }
  // The messages name the option, never its value.
  if (typeof secretKey !== 'string' || secretKey.trim() === '') {
    throw new TypeError('secretKey must be a non-empty string (from server-side configuration)')
  }
  if (!Number.isSafeInteger(expiresIn) || expiresIn < 1) {
    throw new RangeError('expiresIn must be a whole number of seconds >= 1')
  }
  if (typeof authorize !== 'function') throw new TypeError('authorize must be a function')
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY
  if (!Number.isSafeInteger(maxBody) || maxBody < 2) throw new RangeError('maxBodyBytes must be >= 2')
  const { rateLimit = DEFAULT_RATE_LIMIT } = options
  const limiter: RateLimiter | null =
    rateLimit === false ? null : 'take' in rateLimit ? rateLimit : createRateLimiter(rateLimit)
  const sign = createSigner(sdkAppId, secretKey)
  // Belt and braces: whatever an app error says, the key does not reach a log line.
  const redact = (text: string) => text.split(secretKey).join('[redacted]')

  const log = (level: 'warn' | 'error', line: string) => {
    try {
      logger[level](redact(line))
    } catch {
      // A broken logger must not turn an answer into a rejected promise.
    }
  }

  const handle = async (request: Request): Promise<Response> => {
    if (request.method !== 'POST') {
      return fail(405, 'method-not-allowed', 'Use POST with a JSON body.', { Allow: 'POST' })
    }
    const type = request.headers.get('content-type') ?? ''
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return fail(415, 'unsupported-media-type', 'Send the body as application/json.')
    }
    const raw = await readText(request, maxBody)
    if (raw === TOO_LARGE)
      return fail(413, 'payload-too-large', `The body may have at most ${maxBody} bytes.`)
    if (raw === null) return fail(400, 'bad-request', 'The body is not valid UTF-8.')
    let body: unknown = {}
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw)
      } catch {
        return fail(400, 'bad-request', 'The body is not valid JSON.')
      }
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return fail(400, 'bad-request', 'The body must be a JSON object.')
    }
    const claimed = (body as { userID?: unknown }).userID
    if (claimed !== undefined && validateUserID(claimed)) {
      return fail(400, 'invalid-user-id', userIDProblem(claimed))
    }
    const requested = typeof claimed === 'string' ? claimed : null

    let verdict: UserSigAuthorization
    try {
      verdict = await authorize(request, { userID: requested })
    } catch (error) {
      log('error', `usersig: authorize threw: ${describe(error)}`)
      return fail(500, 'internal', 'The UserSig could not be issued.')
    }
    if (verdict === null || verdict === undefined) {
      return fail(401, 'unauthorized', 'Sign in to the app first.')
    }
    if (typeof verdict === 'object') {
      const forbidden = verdict.error === 'forbidden'
      const message =
        verdict.message ?? (forbidden ? 'This user may not use chat.' : 'Sign in to the app first.')
      return fail(forbidden ? 403 : 401, forbidden ? 'forbidden' : 'unauthorized', message)
    }
    if (validateUserID(verdict)) {
      log('error', 'usersig: authorize returned a UserID that breaks the platform rules')
      return fail(500, 'internal', 'The UserSig could not be issued.')
    }
    if (requested !== null && requested !== verdict) {
      return fail(403, 'forbidden', 'The requested userID is not the signed-in user.')
    }

    let waitMs: unknown
    try {
      waitMs = (await limiter?.take(verdict, now())) ?? 0
      if (typeof waitMs !== 'number' || !Number.isFinite(waitMs)) {
        throw new TypeError(`take() answered ${describe(waitMs)}, not a number of milliseconds`)
      }
    } catch (error) {
      // A limiter that cannot count (its store is down, it answers nonsense) does not wave requests through.
      log('error', `usersig: rate limiter failed: ${describe(error)}`)
      if (isUnavailable(error)) {
        const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000))
        return fail(503, 'unavailable', `The UserSig service is busy; try again in ${seconds} s.`, {
          'Retry-After': String(seconds),
        })
      }
      return fail(500, 'internal', 'The UserSig could not be issued.')
    }
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000))
      log('warn', `usersig: rate limit reached for ${verdict}`)
      return fail(429, 'rate-limited', `Too many UserSig requests; try again in ${seconds} s.`, {
        'Retry-After': String(seconds),
      })
    }

    try {
      // The sig is stamped with the real clock (`now` only drives the rate limit): it is checked by Tencent's.
      const signed = await sign(verdict, expiresIn, Date.now())
      // The server's clock with the sig, so a client whose clock is off can schedule its refresh on server time.
      return json(200, { userSig: signed.userSig, expiresAt: signed.expiresAt, serverTime: Date.now() })
    } catch (error) {
      log('error', `usersig: signing failed: ${describe(error)}`)
      return fail(500, 'internal', 'The UserSig could not be issued.')
    }
  }

  return async (request) => {
    try {
      return await handle(request)
    } catch (error) {
      // Whatever slipped past the checks above (an app callback's answer with throwing getters, a body stream
      // that errors): the endpoint still answers, so a Web-standard host never sees a rejected promise.
      log('error', `usersig: request failed: ${describe(error)}`)
      return fail(500, 'internal', 'The UserSig could not be issued.')
    }
  }
}

function userIDProblem(value: unknown): string {
  const detail = validateUserID(value)?.detail
  return detail === 'too-long'
    ? 'userID may have at most 32 characters.'
    : detail === 'characters'
      ? 'userID may contain only A-Z, a-z, 0-9, _ and -.'
      : 'userID must be a non-empty string.'
}

/** By name too: an app may bundle a second copy of this package, whose class is another object. */
function isUnavailable(error: unknown): error is RateLimiterUnavailableError {
  if (error instanceof RateLimiterUnavailableError) return true
  try {
    const e = error as { name?: unknown; retryAfterMs?: unknown } | null
    return (
      e?.name === 'RateLimiterUnavailableError' &&
      typeof e.retryAfterMs === 'number' &&
      Number.isFinite(e.retryAfterMs) &&
      e.retryAfterMs > 0
    )
  } catch {
    return false
  }
}

/** A thrown value as log text. Never throws: values without a usable toString (`Object.create(null)`) exist. */
function describe(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : String(value)
  } catch {
    try {
      return Object.prototype.toString.call(value)
    } catch {
      return 'a value that cannot be printed'
    }
  }
}
