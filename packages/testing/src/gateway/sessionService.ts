import { verifyUserSig } from '../sig/verifyUserSig'
import { commandContext } from './commandContext'
import type { CommandHandler } from './commandHandler'
import { dataSyncReply } from './dataSyncReply'
import { KickDelivery } from './kickDelivery'
import { loginSuccessBody } from './loginSuccessBody'
import { MessageRelay } from './messageRelay'
import {
  GATEWAY_ERROR,
  type GatewayFrame,
  OK_BODY,
  type ReplyBody,
  SERVCMD,
  WIRE_KICK_TYPE,
  type WireKickType,
} from './protocol'
import { type GatewayInstance, SessionRegistry } from './sessionRegistry'
import type { SessionServiceOptions } from './sessionServiceOptions'

export type { SessionServiceOptions, SessionTransport } from './sessionServiceOptions'

type LoginOverride =
  | { readonly kind: 'fail'; readonly code: number; readonly message: string }
  | { readonly kind: 'hang' }

/**
 * The session semantics of the gateway: what each command means and what to answer, which instances exist,
 * kicks, expiry and the login switches. Knows nothing about sockets beyond connection ids.
 */
export class SessionService {
  readonly #o: SessionServiceOptions
  readonly #registry: SessionRegistry
  readonly #loginOverrides: LoginOverride[] = []
  #nextPushSeq = 1
  readonly #commands: CommandHandler
  readonly #kicks: KickDelivery
  // Set by clear() (gateway close): a login whose sig check was still running must not register afterwards.
  #cleared = false

  constructor(options: SessionServiceOptions) {
    this.#o = options
    this.#commands = options.commands ?? new MessageRelay(options.logger)
    this.#kicks = new KickDelivery({
      logger: options.logger,
      transport: options.transport,
      nextPushSeq: () => this.#nextPushSeq++,
    })
    this.#registry = new SessionRegistry({
      // Three missed heartbeats, but never less than a reconnect takes.
      offlineGraceMs: Math.max(3 * options.helloInterval * 1000, 3000),
      forgetOfflineMs: 10 * 60_000,
      forgetKickedMs: 60_000,
      rememberEndedMs: 60_000,
    })
  }

  /** Answers one request frame that arrived on `connectionId`. */
  handleFrame(connectionId: number, frame: GatewayFrame): void {
    const { head } = frame
    const a2 = typeof head.a2 === 'string' && head.a2 !== '' ? head.a2 : undefined
    const instance = a2 === undefined ? undefined : this.#registry.get(a2)
    // Whatever an instance sends proves which socket it is on now (queued heartbeats arrive before re-login).
    if (instance && head.servcmd !== SERVCMD.login) this.#registry.attach(instance, connectionId)
    this.#o.logger.debug('frame', { servcmd: head.servcmd, seq: head.seq, connection: connectionId })
    switch (head.servcmd) {
      case SERVCMD.login:
        if (a2 === undefined) {
          // The sig check is async (Web Crypto); requests that arrive meanwhile are answered meanwhile, as a
          // real service would.
          this.#freshLogin(connectionId, frame).catch((error: unknown) =>
            this.#o.logger.error('login failed inside the gateway', {
              message: error instanceof Error ? error.message : String(error),
            }),
          )
        } else this.#relogin(connectionId, frame, a2)
        return
      case SERVCMD.logout:
        if (instance) {
          this.#registry.end(instance.a2Key, Date.now())
          this.#o.logger.info('logout', {
            userID: instance.userID,
            instId: instance.instId,
            kicked: !!instance.kick,
          })
        }
        this.#reply(connectionId, frame, OK_BODY)
        return
      case SERVCMD.hello:
        this.#hello(connectionId, frame, a2, instance)
        return
      case SERVCMD.alive:
      case SERVCMD.report:
        this.#reply(connectionId, frame, OK_BODY)
        return
      default: {
        const answer = (body: ReplyBody) => this.#reply(connectionId, frame, body)
        const push = this.#push.bind(this)
        if (instance && this.#commands.handle(commandContext(frame, instance, answer, push))) return
        const fields = dataSyncReply(head.servcmd, frame.body)
        if (fields) this.#reply(connectionId, frame, { ...OK_BODY, ...fields })
        else this.#o.logger.debug('command not emulated, left unanswered', { servcmd: head.servcmd })
      }
    }
  }

  /** The socket is gone; its instances stay valid (the SDK re-logs in with its a2 key) but go offline. */
  connectionClosed(connectionId: number): void {
    this.#registry.detachConnection(connectionId, Date.now())
  }

  /** Kicks every live session of `userID`; returns how many. */
  kick(userID: string, type: WireKickType): number {
    const targets = this.#registry.live(Date.now(), userID)
    for (const instance of targets) this.#kicks.kick(instance, type)
    return targets.length
  }

  /** Moves the expiry of every live session of `userID` to the past; returns how many. */
  expire(userID: string): number {
    const now = Date.now()
    const targets = this.#registry.live(now, userID)
    for (const instance of targets) instance.expiresAt = now - 1
    return targets.length
  }

  failNextLogin(code: number, message: string): void {
    this.#loginOverrides.push({ kind: 'fail', code, message })
  }

  hangNextLogin(): void {
    this.#loginOverrides.push({ kind: 'hang' })
  }

  /** Logins armed by failNextLogin/hangNextLogin that no login has taken yet. */
  armedLogins(): number {
    return this.#loginOverrides.length
  }

  /** Drops the arms no login has taken; returns how many. */
  disarmLogins(): number {
    return this.#loginOverrides.splice(0).length
  }

  sessions(): Record<string, number> {
    return this.#registry.online(Date.now())
  }

  clear(): void {
    this.#cleared = true
    this.#registry.clear()
    this.#loginOverrides.length = 0
  }

  /** Pushes to every live instance of `userID` with an open socket; returns the instance ids it reached. */
  #push(userID: string, servcmd: string, body: object): number[] {
    return this.#registry
      .live(Date.now(), userID)
      .filter(
        (i) =>
          i.connectionId !== null &&
          this.#o.transport.send(i.connectionId, { head: { servcmd, seq: this.#nextPushSeq++ }, body }),
      )
      .map((i) => i.instId)
  }

  #reply(connectionId: number, request: GatewayFrame, body: ReplyBody): void {
    // The SDK matches replies by servcmd + seq, so the request head goes back unchanged.
    this.#o.transport.send(connectionId, { head: request.head, body })
  }

  async #freshLogin(connectionId: number, frame: GatewayFrame): Promise<void> {
    const { head } = frame
    const log = this.#o.logger
    const userID = typeof head.identifier === 'string' ? head.identifier : ''
    const override = this.#loginOverrides.shift()
    if (override?.kind === 'hang') {
      log.info('login left unanswered (hangNextLogin)', { userID })
      return
    }
    if (override?.kind === 'fail') {
      log.info('login failed on request (failNextLogin)', { userID, code: override.code })
      this.#reply(connectionId, frame, { ErrorCode: override.code, ErrorInfo: override.message })
      return
    }
    const headAppId = Number(head.sdkappid)
    const verdict = await verifyUserSig(typeof head.usersig === 'string' ? head.usersig : '', {
      userID,
      sdkAppId: headAppId,
      secretKey: headAppId === this.#o.sdkAppId ? this.#o.secretKey : undefined,
    })
    if (this.#cleared) return
    if (!verdict.ok) {
      log.info('login rejected', { userID, code: verdict.code, reason: verdict.reason })
      this.#reply(connectionId, frame, { ErrorCode: verdict.code, ErrorInfo: verdict.reason })
      return
    }
    // Default multi-instance policy: one instance per user and platform; the newest login wins.
    for (const older of this.#registry.live(Date.now(), userID))
      this.#kicks.kick(older, WIRE_KICK_TYPE['multi-account'])
    const instance = this.#registry.create(userID, verdict.expiresAt, connectionId)
    log.info('login', { userID, instId: instance.instId, connection: connectionId })
    this.#reply(connectionId, frame, loginSuccessBody(instance, this.#o.helloInterval))
  }

  #relogin(connectionId: number, frame: GatewayFrame, a2: string): void {
    const instance = this.#registry.get(a2)
    if (!instance) {
      // Typically a gateway restart: the a2 key means nothing here, which the cloud reports as expired.
      this.#o.logger.info('re-login with an unknown a2 key', { connection: connectionId })
      this.#reply(connectionId, frame, {
        ErrorCode: GATEWAY_ERROR.sigExpired,
        ErrorInfo: 'session unknown or expired',
      })
      return
    }
    this.#registry.attach(instance, connectionId)
    this.#o.logger.info('silent re-login', {
      userID: instance.userID,
      instId: instance.instId,
      connection: connectionId,
    })
    // Accepted even when kicked or expired: the SDK's re-login promise has no catch, so an error here would
    // surface as an unhandled rejection. A pending kick is pushed right after; expiry lands on the next
    // heartbeat. A kick sent moments ago (its heartbeat answer raced this re-login) is not sent again.
    this.#reply(connectionId, frame, loginSuccessBody(instance, this.#o.helloInterval))
    this.#kicks.resend(instance)
  }

  #hello(
    connectionId: number,
    frame: GatewayFrame,
    a2: string | undefined,
    instance?: GatewayInstance,
  ): void {
    const now = Date.now()
    if (!instance) {
      // A heartbeat already in flight when its session ended (the SDK sends wslogout and keeps its timer
      // until the answer arrives) gets OK: a 70001 here would look like a second, bogus expiry.
      const late = a2 !== undefined && this.#registry.endedRecently(a2, now)
      const body = late
        ? OK_BODY
        : { ErrorCode: GATEWAY_ERROR.sigExpired, ErrorInfo: 'session unknown or expired' }
      this.#reply(connectionId, frame, body)
      return
    }
    const kicked = this.#kicks.helloReply(instance, now)
    if (kicked) {
      this.#reply(connectionId, frame, kicked)
      return
    }
    if (now > instance.expiresAt) {
      // The SDK does not log out after an expiry (it resets and reconnects), so the session ends here.
      this.#registry.end(instance.a2Key, now)
      this.#o.logger.info('session expired', { userID: instance.userID, instId: instance.instId })
      this.#reply(connectionId, frame, { ErrorCode: GATEWAY_ERROR.sigExpired, ErrorInfo: 'UserSig expired' })
      return
    }
    this.#reply(connectionId, frame, OK_BODY)
  }
}
