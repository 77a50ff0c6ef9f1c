import type { GatewayFrame } from './protocol'

/** The logged-in SDK instance a request came from, as a command handler sees it. */
export interface CommandSender {
  readonly userID: string
  /** The tiny id handed out at login; the SDK builds message IDs from the sender's (`tinyId-clientTime-random`). */
  readonly tinyId: string
  readonly instId: number
}

/** What a command handler can do while answering one request. */
export interface CommandContext {
  readonly frame: GatewayFrame
  readonly sender: CommandSender
  /** Answers the request with `ErrorCode: 0` and these fields. */
  reply(fields: Readonly<Record<string, unknown>>): void
  /** Answers the request with an error; the SDK rejects the call with `{ code, message }`. */
  fail(code: number, info: string): void
  /**
   * Pushes `{ head: { servcmd }, body }` to every live instance of `userID` whose socket is open now;
   * returns the instance ids it reached (an instance without a socket gets nothing and must sync later).
   */
  push(userID: string, servcmd: string, body: object): number[]
}

/**
 * Commands beyond the session ones (login, heartbeat, kick), answered for logged-in instances only.
 * Consulted before the empty data-sync answers, so it can take over any of them.
 *
 * @example
 * const echo: CommandHandler = {
 *   handle: (ctx) => ctx.frame.head.servcmd === 'demo.echo' && (ctx.reply({ Echo: ctx.frame.body }), true),
 * }
 */
export interface CommandHandler {
  /** `true` when it answered (or deliberately left unanswered) the request; `false` to pass it on. */
  handle(context: CommandContext): boolean
}
