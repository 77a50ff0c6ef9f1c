import type { KickInfo } from '@chat-session/core'
import { CHAT_ERROR_CODE } from '@chat-session/core/engine'
/**
 * The slice of the Tencent Chat websocket protocol that `@tencentcloud/chat` 3.6.6 speaks to its session service.
 * Every frame is UTF-8 JSON `{ head, body }` (binary frames on `/binfo`, text frames on `/info` in devMode).
 * The SDK matches a reply to its request by `head.servcmd + head.seq`, so replies echo the request head.
 * Body keys are PascalCase on the wire; the SDK camel-cases them (`KickType` → `kickType`) before use.
 */

/**
 * `service.command` names the gateway answers.
 *
 * @example
 * if (frame.head.servcmd === SERVCMD.hello) answerHeartbeat(frame)
 */
export const SERVCMD = {
  /** Fresh login (head carries `identifier` + `usersig`) or silent re-login after a reconnect (head carries `a2`). */
  login: 'im_open_status.wslogin',
  /** Logout; body `wslogout_type` is 0 for `logout()` and 1 when the SDK logs itself out after a kick. */
  logout: 'im_open_status.wslogout',
  /** Session heartbeat, every `HelloInterval` seconds while logged in. Kicks and expiry are answered here. */
  hello: 'im_open_status.wshello',
  /** Transport ping, sent on every socket open and after 10 s without traffic. */
  alive: 'heartbeat.alive',
  /** SDK telemetry. */
  report: 'imopenstat.tim_web_report_v2',
  /** Server push that carries `KickoutMsgNotify`; the SDK acts on it at once (no heartbeat wait). */
  forceOffline: 'im_open_status.stat_forceoffline',
} as const

/**
 * Server error codes the gateway answers with, as the cloud does.
 *
 * @example
 * await expect(chat.login({ userID, userSig })).rejects.toMatchObject({ code: GATEWAY_ERROR.sigExpired })
 */
export const GATEWAY_ERROR = {
  /** UserSig (or the a2 session derived from it) expired. */
  sigExpired: CHAT_ERROR_CODE.USERSIG_EXPIRED,
  /** UserSig cannot be decoded or its HMAC does not match the app's secret key. */
  sigInvalid: CHAT_ERROR_CODE.USERSIG_INVALID,
  /** `TLS.identifier` differs from the userID passed to `login()`. */
  userMismatch: CHAT_ERROR_CODE.USERID_MISMATCH,
  /** `TLS.sdkappid` differs from the SDKAppID the SDK was created with. */
  appMismatch: CHAT_ERROR_CODE.SDKAPPID_MISMATCH,
  /** The SDKAppID is not the one this gateway serves. */
  appNotFound: CHAT_ERROR_CODE.SDKAPPID_NOT_FOUND,
  /** Heartbeat answer for a kicked instance; comes with `KickType`. */
  kickedOut: CHAT_ERROR_CODE.HELLO_ANSWER_KICKED_OUT,
} as const

/** The wire value of `KickType` for each server kick: the one table the gateway and the service read. */
export const WIRE_KICK_TYPE = {
  'multi-account': 1,
  'multi-device': 2,
  'rest-api': 3,
} as const satisfies Record<KickInfo['reason'], number>

/** Wire values of `KickType`: 1 multipleAccount, 2 multipleDevice, 3 REST_API_Kick. */
export type WireKickType = (typeof WIRE_KICK_TYPE)[KickInfo['reason']]

/** The request head fields the gateway reads. The SDK sends more (ver, platform, sdkability, …). */
export interface RequestHead {
  readonly servcmd: string
  readonly seq: number
  readonly sdkappid?: number
  /** Fresh login only. */
  readonly identifier?: string
  /** Fresh login only. A credential: never log it. */
  readonly usersig?: string
  /** Every request after login. A credential: never log it. */
  readonly a2?: string
  readonly tinyid?: string
  readonly status_instid?: number
  readonly [field: string]: unknown
}

/** One decoded frame. */
export interface GatewayFrame<Body = Readonly<Record<string, unknown>>> {
  readonly head: RequestHead
  readonly body: Body
}

/** Base of every reply body. */
export interface ReplyBody {
  readonly ErrorCode: number
  readonly ErrorInfo: string
  readonly [field: string]: unknown
}

/** The answer that says "done" (heartbeats, pings, logouts). */
export const OK_BODY: ReplyBody = { ErrorCode: 0, ErrorInfo: '' }

/** `wslogin` success body. `A2Key` is the session credential the SDK sends as `head.a2` from then on. */
export interface LoginSuccessBody extends ReplyBody {
  readonly ErrorCode: 0
  readonly A2Key: string
  readonly TinyId: string
  readonly InstId: number
  /** Seconds between `wshello` heartbeats. */
  readonly HelloInterval: number
  /** Server time, unix seconds; the SDK derives its clock offset from it. */
  readonly TimeStamp: number
  readonly CustomStatus: string
}

/** `wshello` answer that kicks the instance. */
export interface KickReplyBody extends ReplyBody {
  readonly ErrorCode: typeof CHAT_ERROR_CODE.HELLO_ANSWER_KICKED_OUT
  readonly KickType: WireKickType
}

/** Body of the `stat_forceoffline` push. The SDK walks `EventArray[].C2cNotifyMsgArray[].KickoutMsgNotify`. */
export interface KickPushBody {
  readonly EventArray: ReadonlyArray<{
    readonly Event: number
    readonly C2cNotifyMsgArray: ReadonlyArray<{
      readonly KickoutMsgNotify: {
        readonly KickType: WireKickType
        readonly NewInstInfo: Record<string, never>
      }
    }>
  }>
}

/** Parses one websocket message; `null` for anything that is not a `{head: {servcmd, seq}}` JSON object. */
export function parseFrame(data: Buffer | ArrayBuffer | Buffer[]): GatewayFrame | null {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
  const text = bytes.toString('utf8')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  if (!isRecord(parsed) || !isRecord(parsed.head)) return null
  const { head } = parsed
  if (typeof head.servcmd !== 'string' || typeof head.seq !== 'number') return null
  return { head: head as RequestHead, body: isRecord(parsed.body) ? parsed.body : {} }
}

/** Builds the kick push for one instance. `Event` is not read by the SDK for this item; 9 is arbitrary. */
export function kickPushBody(kickType: WireKickType): KickPushBody {
  return {
    EventArray: [
      { Event: 9, C2cNotifyMsgArray: [{ KickoutMsgNotify: { KickType: kickType, NewInstInfo: {} } }] },
    ],
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
