import type { IncomingMessage, ServerResponse } from 'node:http'
import { inflateSync } from 'node:zlib'
import { CHAT_ERROR_CODE, parseUserSigJson, userSigBytes } from '@chat-session/core/engine'
import { MAX_DOC_BYTES } from '../sig/userSigEncoding'
import { verifyUserSig } from '../sig/verifyUserSig'
import { GATEWAY_ERROR, type GatewayFrame, type ReplyBody, SERVCMD } from './protocol'

/**
 * Path of the emulated server-side REST API `kick` (Tencent: `https://console.tim.qq.com/v4/im_open_login_svc/kick`).
 *
 * @example
 * await fetch(`http://127.0.0.1:${gateway.port}${REST_KICK_PATH}?sdkappid=…&identifier=administrator&usersig=…&random=1&contenttype=json`, { method: 'POST', body: '{"UserID":"alice"}' })
 */
export const REST_KICK_PATH = '/v4/im_open_login_svc/kick'

/**
 * The app administrator accounts the emulator accepts in `identifier` (Tencent creates `administrator` with the
 * app; `admin` is the name its docs use in examples).
 *
 * @example
 * REST_ADMINS.includes('administrator') // true
 */
export const REST_ADMINS: readonly string[] = ['administrator', 'admin']

/** What the emulated REST API needs from the gateway. */
export interface RestApiOptions {
  readonly sdkAppId: number
  readonly secretKey: string
  /** Kicks every live session of the user with the REST-API kick; returns how many. */
  readonly kick: (userID: string) => number
  /** Unix ms; default `Date.now`. */
  readonly now?: () => number
}

/**
 * The emulated REST API: an HTTP route and the login check that refuses the sigs a kick invalidated.
 *
 * @example
 * const admin = restApi.before(createAdminHandler(gateway))
 */
export interface RestApi {
  /** Answers `POST /v4/im_open_login_svc/kick…` and resolves true; resolves false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>
  /** {@link RestApi.handle}, then `next` for every other path (the gateway's admin routes). */
  before(
    next: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>,
  ): (req: IncomingMessage, res: ServerResponse) => Promise<boolean>
  /**
   * True (after sending the refusal, 70001, through `reply`) for a fresh login whose sig a kick invalidated.
   * Also notes the sigs users log in with, so a kick can invalidate exactly those.
   */
  refusesLogin(frame: GatewayFrame, reply: (refusal: GatewayFrame<ReplyBody>) => void): boolean
}

type RestAnswer = { ActionStatus: 'OK' | 'FAIL'; ErrorCode: number; ErrorInfo: string }

const MAX_BODY_BYTES = 16 * 1024
const SIGS_REMEMBERED_PER_USER = 32

/**
 * Emulates the REST API's `kick` on the local gateway's HTTP port, as the cloud answers it: HTTP 200 with
 * `{ActionStatus, ErrorCode, ErrorInfo}`. The administrator's UserSig in the query is verified for real
 * (the app's key, `identifier` one of {@link REST_ADMINS}, not expired). A kick sends every live session of the
 * user the REST-API kick (`KICKED_OUT {type: 'REST_API_Kick'}`) and invalidates the user's existing sigs: the
 * ones they logged in with, and any signed in an earlier second than the kick. A fresh login with one is
 * refused with 70001 (what the kit treats as "fetch a new sig"); a sig signed after the kick works.
 *
 * @example
 * const rest = createRestApi({ sdkAppId, secretKey, kick: (userID) => gateway.kick(userID, 'rest-api') })
 * server.on('request', (req, res) => rest.before(async () => false)(req, res))
 */
export function createRestApi(options: RestApiOptions): RestApi {
  const { sdkAppId, secretKey, kick, now = Date.now } = options
  const revokedBefore = new Map<string, number>() // userID → sigs with TLS.time (s) below this are invalid
  const revokedSigs = new Set<string>()
  const usedSigs = new Map<string, string[]>() // userID → sigs logged in with, newest last

  const answer = (res: ServerResponse, body: RestAnswer) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    res.end(JSON.stringify(body))
  }
  const fail = (res: ServerResponse, code: number, info: string) =>
    answer(res, { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: info })

  const api: RestApi = {
    before: (next) => async (req, res) => (await api.handle(req, res)) || next(req, res),

    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://gateway')
      if (url.pathname !== REST_KICK_PATH) return false
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end()
        return true
      }
      const refuse = (code: number, info: string) => {
        fail(res, code, info)
        return true
      }
      const q = url.searchParams
      if (q.get('contenttype') !== 'json')
        return refuse(CHAT_ERROR_CODE.REQUEST_UNPARSABLE, 'contenttype must be json')
      if (!/^\d+$/.test(q.get('random') ?? ''))
        return refuse(CHAT_ERROR_CODE.REQUEST_UNPARSABLE, 'random must be a 32-bit unsigned integer')
      if (Number(q.get('sdkappid')) !== sdkAppId)
        return refuse(CHAT_ERROR_CODE.SDKAPPID_NOT_FOUND, 'SDKAppID not found')
      const identifier = q.get('identifier') ?? ''
      if (!REST_ADMINS.includes(identifier))
        return refuse(CHAT_ERROR_CODE.ADMIN_REQUIRED, 'identifier must be an app administrator')
      const verdict = await verifyUserSig(q.get('usersig') ?? '', {
        sdkAppId,
        secretKey,
        userID: identifier,
        now: now(),
      })
      if (!verdict.ok) return refuse(verdict.code, verdict.reason)

      let body: unknown
      try {
        body = JSON.parse(await readText(req))
      } catch {
        return refuse(CHAT_ERROR_CODE.JSON_UNPARSABLE, 'the body is not JSON')
      }
      const userID = (body as { UserID?: unknown } | null)?.UserID
      if (typeof userID !== 'string' || userID === '')
        return refuse(CHAT_ERROR_CODE.JSON_UNPARSABLE, 'UserID must be a non-empty string')

      const at = now()
      revokedBefore.set(userID, Math.floor(at / 1000))
      for (const sig of usedSigs.get(userID) ?? []) revokedSigs.add(sig)
      usedSigs.delete(userID)
      kick(userID)
      answer(res, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' })
      return true
    },

    refusesLogin(frame, reply) {
      const { head } = frame
      if (head.servcmd !== SERVCMD.login || (typeof head.a2 === 'string' && head.a2 !== '')) return false
      const userID = typeof head.identifier === 'string' ? head.identifier : ''
      const sig = typeof head.usersig === 'string' ? head.usersig : ''
      if (userID === '' || sig === '') return false
      const before = revokedBefore.get(userID)
      const time = before === undefined ? undefined : sigTime(sig)
      if (revokedSigs.has(sig) || (before !== undefined && time !== undefined && time < before)) {
        reply({
          head,
          body: {
            ErrorCode: GATEWAY_ERROR.sigExpired,
            ErrorInfo: 'The UserSig was invalidated by a REST API kick.',
          },
        })
        return true
      }
      const used = usedSigs.get(userID) ?? []
      if (!used.includes(sig)) used.push(sig)
      if (used.length > SIGS_REMEMBERED_PER_USER) used.shift()
      usedSigs.set(userID, used)
      return false
    },
  }
  return api
}

/** `TLS.time` of a sig, decoded synchronously (the frame path must not reorder frames); undefined if unreadable. */
function sigTime(sig: string): number | undefined {
  try {
    const json = inflateSync(userSigBytes(sig), { maxOutputLength: MAX_DOC_BYTES }).toString('utf8')
    return parseUserSigJson(json).issuedAt / 1000
  } catch {
    return undefined
  }
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new RangeError('body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
