import type { GatewayLogger } from './localGateway'
import {
  GATEWAY_ERROR,
  type KickReplyBody,
  kickPushBody,
  OK_BODY,
  type ReplyBody,
  SERVCMD,
  type WireKickType,
} from './protocol'
import type { GatewayInstance } from './sessionRegistry'
import type { SessionTransport } from './sessionServiceOptions'

const KICK_INFO: Readonly<Record<WireKickType, string>> = {
  1: 'kicked out: the same account logged in elsewhere',
  2: 'kicked out: the same account logged in on another device',
  3: 'kicked out by the REST API',
}
// After a kick went out, heartbeats are answered OK this long: the SDK is busy logging out and a second
// delivery would make it log out twice and emit KICKED_OUT twice.
const KICK_SETTLE_MS = 3000

/** What kick delivery needs: the sockets, the log, and the push sequence it shares with command pushes. */
export interface KickDeliveryOptions {
  readonly logger: GatewayLogger
  readonly transport: SessionTransport
  /** The next `seq` for a server push. */
  nextPushSeq(): number
}

/**
 * Gets each kick to its instance exactly once: pushed at once when the instance has an open socket, else in
 * the answer to its next heartbeat, and never again while the SDK is still handling it.
 *
 * @example
 * const kicks = new KickDelivery({ logger, transport, nextPushSeq: () => seq++ })
 * kicks.kick(instance, WIRE_KICK_TYPE['multi-device'])
 */
export class KickDelivery {
  readonly #o: KickDeliveryOptions

  constructor(options: KickDeliveryOptions) {
    this.#o = options
  }

  /** Marks `instance` kicked and pushes the kick if it can. */
  kick(instance: GatewayInstance, type: WireKickType): void {
    instance.kick = { type, deliveredAt: null }
    this.#push(instance)
  }

  /** After a silent re-login: pushes a pending kick again, unless one went out moments ago. */
  resend(instance: GatewayInstance): void {
    if (instance.kick && !this.#isSettling(instance.kick, Date.now())) this.#push(instance)
  }

  /**
   * The heartbeat answer of a kicked instance (the kick itself, or OK while the SDK is still handling one that
   * went out); `undefined` when the instance is not kicked.
   */
  helloReply(instance: GatewayInstance, now: number): ReplyBody | undefined {
    const { kick } = instance
    if (!kick) return undefined
    if (this.#isSettling(kick, now)) return OK_BODY
    kick.deliveredAt = now
    this.#o.logger.info('kick answered on heartbeat', {
      userID: instance.userID,
      instId: instance.instId,
      kickType: kick.type,
    })
    const body: KickReplyBody = {
      ErrorCode: GATEWAY_ERROR.kickedOut,
      ErrorInfo: KICK_INFO[kick.type],
      KickType: kick.type,
    }
    return body
  }

  /** Pushes a pending kick if the instance has an open socket; otherwise its next request gets it. */
  #push(instance: GatewayInstance): void {
    if (!instance.kick || instance.connectionId === null) return
    const head = { servcmd: SERVCMD.forceOffline, seq: this.#o.nextPushSeq() }
    if (!this.#o.transport.send(instance.connectionId, { head, body: kickPushBody(instance.kick.type) }))
      return
    instance.kick.deliveredAt = Date.now()
    this.#o.logger.info('kick pushed', {
      userID: instance.userID,
      instId: instance.instId,
      kickType: instance.kick.type,
    })
  }

  #isSettling(kick: NonNullable<GatewayInstance['kick']>, now: number): boolean {
    return (
      kick.deliveredAt !== null && now - kick.deliveredAt < KICK_SETTLE_MS + 2 * this.#o.transport.latencyMs()
    )
  }
}
