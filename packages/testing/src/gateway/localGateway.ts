import type { KickInfo } from '@chat-session/core'
import type { GatewayFault } from './gatewayFault'

/**
 * Kick reasons the gateway can deliver (the core's server-side kick reasons); they arrive in the SDK as
 * `KICKED_OUT {type}` (`CHAT_KICK_TYPE`): another login of the same user elsewhere (the gateway also does this
 * by itself), on another device class, or the app's backend calling the `kick` REST API.
 *
 * @example
 * gateway.kick('alice', 'multi-device') // → KICKED_OUT {type: 'multipleDevice'}
 */
export type GatewayKickType = KickInfo['reason']

/** Extra fields of a log line. Never contains a UserSig or an a2 key. */
export type GatewayLogDetails = Readonly<Record<string, string | number | boolean | null | undefined>>

/**
 * Where the gateway reports what it does. `console` fits. The default is silent.
 *
 * @example
 * await startLocalGateway({ sdkAppId, secretKey, logger: console })
 */
export interface GatewayLogger {
  debug(message: string, details?: GatewayLogDetails): void
  info(message: string, details?: GatewayLogDetails): void
  warn(message: string, details?: GatewayLogDetails): void
  error(message: string, details?: GatewayLogDetails): void
}

/**
 * Options of `startLocalGateway`.
 *
 * @example
 * const options: LocalGatewayOptions = { sdkAppId: 1400000001, secretKey: 'test-key', helloInterval: 1 }
 */
export interface LocalGatewayOptions {
  /** The one SDKAppID this gateway serves; logins for other apps are answered 70020 (or 70014). */
  readonly sdkAppId: number
  /** The app's secret key: the HMAC key UserSigs are verified with (its UTF-8 bytes, as `tls-sig-api-v2`). */
  readonly secretKey: string
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number
  /** Interface to bind; default `127.0.0.1`. Keep it on loopback: the admin routes have no auth. */
  readonly host?: string
  /**
   * Seconds between `wshello` heartbeats, handed to the SDK at login. Expiry and un-pushed kicks show up on
   * the next heartbeat, so tests use 1. Default 10 (the cloud's own value is not documented).
   */
  readonly helloInterval?: number
  /** Default: silent. */
  readonly logger?: GatewayLogger
}

/** Snapshot returned by {@link LocalGateway.status} and `GET /__admin/status`. */
export interface GatewayStatus {
  readonly url: string
  readonly adminUrl: string
  readonly port: number
  readonly sdkAppId: number
  readonly helloInterval: number
  readonly paused: boolean
  /** The lasting fault set with {@link LocalGateway.setFault}. */
  readonly fault: GatewayFault
  readonly latencyMs: number
  /** Open websocket connections (logged in or not). */
  readonly connections: number
  /** Logins armed by `failNextLogin`/`hangNextLogin` that no login has reached yet. */
  readonly armedLogins: number
}

/**
 * A running local gateway. Every control also exists as an HTTP route under {@link LocalGateway.adminUrl}
 * (see `createAdminHandler`).
 *
 * @example
 * gateway.dropConnections() // SDK: NET_STATE_CHANGE connecting → connected, silent re-login
 * await gateway.outage(3000) // SDK: connecting ↔ disconnected for 3 s, isReady() stays true
 * gateway.expire('alice') // SDK: KICKED_OUT userSigExpired on the next heartbeat
 */
export interface LocalGateway {
  /** `ws://host:port`: pass it as `proxyServer` to `TencentCloudChat.create`. */
  readonly url: string
  /** `http://host:port/__admin`: base of the HTTP admin routes. */
  readonly adminUrl: string
  readonly port: number
  /**
   * Kicks every live session of `userID` (also one whose socket is down). Delivered at once as a
   * `stat_forceoffline` push when the instance has an open socket, else with its next heartbeat or silent
   * re-login. Returns how many sessions were kicked.
   */
  kick(userID: string, type: GatewayKickType): number
  /** Makes the sessions of `userID` expired now; each gets 70001 on its next heartbeat. Returns the count. */
  expire(userID: string): number
  /** Closes every websocket from the server side; logged-in SDKs reconnect and re-login silently. */
  dropConnections(): number
  /**
   * Pauses for `ms`, then resumes. Resolves when the gateway resumes (early if `resume()` or `close()` is
   * called). A `pause()` during the outage cancels the automatic resume.
   */
  outage(ms: number): Promise<void>
  /**
   * Closes every websocket and refuses new ones (HTTP 503) until {@link LocalGateway.resume}, like an
   * unreachable service: a logged-in SDK alternates `connecting`/`disconnected` and stays ready.
   * The admin routes keep working.
   */
  pause(): void
  /** Accepts websockets again; the SDK reconnects on its next attempt and re-logs in with its a2 key. */
  resume(): void
  /** Delays every reply and push by `ms` (0 turns it off). */
  setLatency(ms: number): void
  /**
   * Answers the next fresh `login()` (one with a UserSig, not a silent re-login) with `code` instead of
   * verifying it. Each call arms one login; arms queue up with {@link LocalGateway.hangNextLogin}.
   */
  failNextLogin(code: number, message?: string): void
  /** Leaves the next fresh login unanswered: the SDK's `login()` stays pending (its own timeout is 90 s). */
  hangNextLogin(): void
  /**
   * Drops the fail/hang arms no login has taken yet; returns how many. For a gateway shared by tests: an arm
   * whose login never arrived would otherwise hit the next test's login.
   */
  disarmLogins(): number
  /**
   * Switches a lasting fault on (`'black-hole'`: accept sockets, never answer; `'hang-login'`: answer all but
   * logins) or off (`'none'`). Open sockets stay open. Throws a `RangeError` on an unknown name.
   */
  setFault(fault: GatewayFault): void
  /**
   * Who is online: userID → number of logged-in instances. Kicked and expired sessions are not counted; a
   * session whose socket closed still counts for 3 heartbeat intervals (at least 3 s), to ride out reconnects.
   */
  sessions(): Record<string, number>
  /**
   * Signs a UserSig for this gateway's app with its secret key (default lifetime 1 day), byte for byte what
   * `tls-sig-api-v2` would give. Rejects with a `TypeError` on an empty userID or a non-integer lifetime.
   */
  issueUserSig(userID: string, expireSeconds?: number): Promise<string>
  status(): GatewayStatus
  /** Stops listening, terminates every socket and clears every timer. Idempotent. */
  close(): Promise<void>
}
