import type { CommandHandler } from './commandHandler'
import type { GatewayLogger } from './localGateway'
import type { GatewayFrame } from './protocol'

/** How the session service reaches sockets; the gateway owns them (and adds latency). */
export interface SessionTransport {
  /** Sends `frame` on the connection if it is open; `false` when it is not. */
  send(connectionId: number, frame: GatewayFrame<object>): boolean
  /** Current reply delay, in ms (stretches the window in which a sent kick counts as "being handled"). */
  latencyMs(): number
}

/** Options of the gateway's `SessionService`. */
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
