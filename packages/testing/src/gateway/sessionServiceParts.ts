import type { CommandHandler } from './commandHandler'
import type { GatewayLogger } from './localGateway'
import type { GatewayFrame, LoginSuccessBody, ReplyBody, WireKickType } from './protocol'
import type { GatewayInstance } from './sessionRegistry'

/** How the session service reaches sockets; the gateway owns them (and adds latency). */
export interface SessionTransport {
  /** Sends `frame` on the connection if it is open; `false` when it is not. */
  send(connectionId: number, frame: GatewayFrame<object>): boolean
  /** Current reply delay, in ms (stretches the window in which a sent kick counts as "being handled"). */
  latencyMs(): number
}

export interface SessionServiceOptions {
  readonly sdkAppId: number
  readonly secretKey: string
  /** Seconds, handed to the SDK at login. */
  readonly helloInterval: number
  readonly logger: GatewayLogger
  readonly transport: SessionTransport
  /** Extra commands for logged-in instances, asked before the data-sync answers. Default: a `MessageRelay`. */
  readonly commands?: CommandHandler
}

export type LoginOverride =
  | { readonly kind: 'fail'; readonly code: number; readonly message: string }
  | { readonly kind: 'hang' }

export const OK_BODY: ReplyBody = { ErrorCode: 0, ErrorInfo: '' }
export const KICK_INFO: Readonly<Record<WireKickType, string>> = {
  1: 'kicked out: the same account logged in elsewhere',
  2: 'kicked out: the same account logged in on another device',
  3: 'kicked out by the REST API',
}
// After a kick went out, heartbeats are answered OK this long: the SDK is busy logging out and a second
// delivery would make it log out twice and emit KICKED_OUT twice.
export const KICK_SETTLE_MS = 3000

/** The answer to a successful login (fresh or silent re-login) for `instance`. */
export function loginSuccessBody(instance: GatewayInstance, helloInterval: number): LoginSuccessBody {
  return {
    ErrorCode: 0,
    ErrorInfo: '',
    A2Key: instance.a2Key,
    TinyId: instance.tinyId,
    InstId: instance.instId,
    HelloInterval: helloInterval,
    TimeStamp: Math.floor(Date.now() / 1000),
    CustomStatus: '',
  }
}
