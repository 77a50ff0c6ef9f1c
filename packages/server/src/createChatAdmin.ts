import { validateUserID } from '@chat-session/core'
import { CHAT_ERROR_CODE } from '@chat-session/core/engine'
import { ChatRestApiError } from './chatRestApiError'
import { createSigner } from './createSigner'

/**
 * Options of {@link createChatAdmin}.
 *
 * @example
 * const options: ChatAdminOptions = { sdkAppId, secretKey: process.env.CHAT_SECRET_KEY! }
 */
export interface ChatAdminOptions {
  readonly sdkAppId: number
  /** The app's secret key (server-side configuration only); it signs the administrator's UserSig. */
  readonly secretKey: string
  /** The app administrator account the calls are made as. Default `'administrator'` (created with the app). */
  readonly adminUserID?: string | undefined
  /**
   * Where the REST API lives. Default `https://console.tim.qq.com` (the Singapore / international data centres
   * use their own hosts, e.g. `https://adminapisgp.im.qcloud.com`); tests point it at the local gateway.
   */
  readonly baseUrl?: string | undefined
  /** Lifetime of the administrator's UserSig in seconds; it is renewed 10% before it expires. Default 3600. */
  readonly adminSigLifetime?: number | undefined
  /** Requests per call, including the first (network errors, timeouts, 5xx, 429 and busy codes). Default 3. */
  readonly attempts?: number | undefined
  /** Wait before the first retry in ms, doubled each time (with jitter). Default 200. */
  readonly backoffMs?: number | undefined
  /** Timeout of each request in ms. Default 5000. */
  readonly timeoutMs?: number | undefined
  /** Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch | undefined
  /** Gets one line per retry and per failure; lines never contain a sig or the key. Default: silent. */
  readonly logger?: { warn(line: string): void } | undefined
}

/**
 * The server-side Tencent Chat REST API calls that end sessions.
 *
 * @example
 * await chatAdmin.kick('alice') // every device of alice is signed out, her old UserSigs stop working
 */
export interface ChatAdmin {
  /**
   * `v4/im_open_login_svc/kick`: signs the user out of every device ("sign out everywhere", after a password
   * change). Their sessions get the REST-API kick (`kicked.reason === 'rest-api'`) and the UserSigs they hold
   * stop working, so a new login needs a new sig from your endpoint (whose `authorize` decides). Resolves once
   * Tencent answers OK; rejects with {@link ChatRestApiError}, or a `TypeError` for an invalid UserID.
   */
  kick(userID: string): Promise<void>
}

const KICK = 'v4/im_open_login_svc/kick'
// Tencent's "busy / try later / timed out" REST error codes: retried like a 5xx. 70001 (the admin sig expired
// in flight, e.g. a skewed clock) is retried once with a freshly signed sig.
const BUSY_CODES = new Set([60006, 60007, 60008, 60011, 60018, 90994])
const ADMIN_SIG_EXPIRED = CHAT_ERROR_CODE.USERSIG_EXPIRED

/**
 * A client for the Tencent Chat REST API's session calls, signed as the app administrator with a UserSig this
 * package signs (renewed before it expires), with bounded retries and backoff on transient failures and typed
 * errors. Neither the secret key nor any sig reaches a log line or an error message. Server-side only.
 *
 * @example
 * import { createChatAdmin } from '@chat-session/server'
 * const chatAdmin = createChatAdmin({ sdkAppId: Number(process.env.CHAT_SDK_APP_ID), secretKey: process.env.CHAT_SECRET_KEY! })
 * // "Sign out of all devices", or right after a password change:
 * await chatAdmin.kick(user.chatUserID)
 */
export function createChatAdmin(options: ChatAdminOptions): ChatAdmin {
  const {
    sdkAppId,
    secretKey,
    adminUserID = 'administrator',
    baseUrl = 'https://console.tim.qq.com',
    adminSigLifetime = 3600,
    attempts = 3,
    backoffMs = 200,
    timeoutMs = 5000,
    logger,
  } = options
  if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0)
    throw new RangeError('sdkAppId must be a positive integer')
  if (typeof secretKey !== 'string' || secretKey.trim() === '') {
    throw new TypeError('secretKey must be a non-empty string (from server-side configuration)')
  }
  if (validateUserID(adminUserID)) throw new TypeError('adminUserID must be a valid UserID')
  let base: URL
  try {
    base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
  } catch {
    throw new TypeError('baseUrl must be an absolute http(s) URL')
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:')
    throw new TypeError('baseUrl must be an absolute http(s) URL')
  if (!Number.isSafeInteger(adminSigLifetime) || adminSigLifetime < 60) {
    throw new RangeError('adminSigLifetime must be a whole number of seconds >= 60')
  }
  if (!Number.isSafeInteger(attempts) || attempts < 1 || attempts > 10)
    throw new RangeError('attempts must be 1 to 10')
  if (!Number.isFinite(backoffMs) || backoffMs < 0) throw new RangeError('backoffMs must be >= 0')
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError('timeoutMs must be > 0')
  const doFetch = options.fetch ?? globalThis.fetch
  if (typeof doFetch !== 'function') throw new TypeError('fetch is not available: pass options.fetch')

  const sign = createSigner(sdkAppId, secretKey)
  let adminSig: Promise<{ userSig: string; expiresAt: number }> | undefined
  const currentSig = async (renew: boolean) => {
    const held = adminSig && (await adminSig.catch(() => undefined))
    // Renewed once 90% of its life is gone, so a sig never expires between signing and Tencent's check.
    if (!renew && held && Date.now() < held.expiresAt - adminSigLifetime * 100) return held.userSig
    adminSig = sign(adminUserID, adminSigLifetime, Date.now())
    return (await adminSig).userSig
  }
  const warn = (line: string) => {
    try {
      logger?.warn(line)
    } catch {
      // A broken logger must not fail the call.
    }
  }

  const call = async (command: string, body: Readonly<Record<string, unknown>>): Promise<void> => {
    let renewed = false
    let last: ChatRestApiError | undefined
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        const wait = backoffMs * 2 ** (attempt - 2) * (0.5 + Math.random() / 2)
        warn(
          `chat rest api: ${command} attempt ${attempt - 1} failed (${last?.message}); retrying in ${Math.round(wait)} ms`,
        )
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
      const url = new URL(command, base)
      url.search = new URLSearchParams({
        sdkappid: String(sdkAppId),
        identifier: adminUserID,
        usersig: await currentSig(false),
        random: String(crypto.getRandomValues(new Uint32Array(1))[0]),
        contenttype: 'json',
      }).toString()
      let res: Response
      try {
        res = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
          // Not followed: a redirect is not the REST API's answer ('manual': Workers have no 'error' mode).
          redirect: 'manual',
        })
      } catch (error) {
        const timedOut =
          error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
        last = new ChatRestApiError(
          'unavailable',
          `${command}: ${timedOut ? `no answer in ${timeoutMs} ms` : 'network error'}`,
          {
            command,
            attempts: attempt,
          },
        )
        continue
      }
      const text = await res.text().catch(() => '')
      if (res.status >= 500 || res.status === 429) {
        last = new ChatRestApiError('unavailable', `${command}: HTTP ${res.status}`, {
          command,
          status: res.status,
          attempts: attempt,
        })
        continue
      }
      let answer: { ActionStatus?: unknown; ErrorCode?: unknown; ErrorInfo?: unknown }
      try {
        answer = JSON.parse(text) as typeof answer
      } catch {
        answer = {}
      }
      const code = answer?.ErrorCode
      if (!res.ok || typeof code !== 'number') {
        throw new ChatRestApiError('bad-answer', `${command}: HTTP ${res.status}, not a REST API answer`, {
          command,
          status: res.status,
          attempts: attempt,
        })
      }
      if (answer.ActionStatus === 'OK' && code === 0) return
      const info = typeof answer.ErrorInfo === 'string' ? answer.ErrorInfo.slice(0, 200) : ''
      const error = new ChatRestApiError(
        BUSY_CODES.has(code) ? 'unavailable' : 'rejected',
        `${command}: ErrorCode ${code}${info ? ` (${info})` : ''}`,
        { command, status: res.status, errorCode: code, attempts: attempt },
      )
      if (code === ADMIN_SIG_EXPIRED && !renewed) {
        renewed = true
        await currentSig(true)
        last = error
        continue
      }
      if (!BUSY_CODES.has(code)) {
        warn(`chat rest api: ${error.message}`)
        throw error
      }
      last = error
    }
    const failure = new ChatRestApiError(
      last?.kind === 'rejected' ? 'rejected' : 'unavailable',
      `${last?.message ?? command} after ${attempts} attempt${attempts === 1 ? '' : 's'}`,
      { command, status: last?.status, errorCode: last?.errorCode, attempts },
    )
    warn(`chat rest api: ${failure.message}`)
    throw failure
  }

  return {
    async kick(userID) {
      const problem = validateUserID(userID)
      if (problem) throw new TypeError(`kick: userID must be a valid UserID (${problem.detail})`)
      await call(KICK, { UserID: userID })
    },
  }
}
