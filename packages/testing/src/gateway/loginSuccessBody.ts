import type { LoginSuccessBody } from './protocol'
import type { GatewayInstance } from './sessionRegistry'

/**
 * The answer to a successful login (fresh or silent re-login) for `instance`.
 *
 * @example
 * reply(connectionId, frame, loginSuccessBody(instance, helloInterval))
 */
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
