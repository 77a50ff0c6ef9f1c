import type { CommandContext } from './commandHandler'
import { type GatewayFrame, OK_BODY, type ReplyBody } from './protocol'
import type { GatewayInstance } from './sessionRegistry'

/**
 * The context a command handler answers one request of `instance` in: `reply` and `fail` answer through
 * `answer`, `push` goes out through `push`.
 *
 * @example
 * commands.handle(commandContext(frame, instance, (body) => reply(connectionId, frame, body), pushToUser))
 */
export function commandContext(
  frame: GatewayFrame,
  instance: GatewayInstance,
  answer: (body: ReplyBody) => void,
  push: CommandContext['push'],
): CommandContext {
  return {
    frame,
    sender: { userID: instance.userID, tinyId: instance.tinyId, instId: instance.instId },
    reply: (fields) => answer({ ...OK_BODY, ...fields }),
    fail: (code, info) => answer({ ErrorCode: code, ErrorInfo: info }),
    push,
  }
}
