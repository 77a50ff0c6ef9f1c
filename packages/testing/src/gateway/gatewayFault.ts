import { type GatewayFrame, SERVCMD } from './protocol'

/**
 * A lasting way for the gateway to misbehave, switched with `gateway.setFault` or `POST /__admin/fault`.
 *
 * - `'none'`: normal service.
 * - `'black-hole'`: sockets are accepted and frames read, but nothing is ever answered or pushed, like a captive
 *   portal, a broken proxy or a stalled load balancer. The SDK's pings time out, so it reconnects every few
 *   seconds and sends its pending login again; its own 90 s login timeout never fires.
 * - `'hang-login'`: heartbeats, pings and logouts are answered, logins (fresh or silent re-login) are not: the
 *   SDK's `login()` stays pending on a socket that looks healthy.
 *
 * @example
 * gateway.setFault('black-hole') // the next login() on the real SDK never settles
 * gateway.setFault('none') // the SDK's next re-sent login is answered
 */
export type GatewayFault = 'none' | 'black-hole' | 'hang-login'

/**
 * Every {@link GatewayFault}, for validation and UIs (the demo's dev panel lists them).
 *
 * @example
 * GATEWAY_FAULTS.includes(value) // true for 'none', 'black-hole', 'hang-login'
 */
export const GATEWAY_FAULTS: readonly GatewayFault[] = ['none', 'black-hole', 'hang-login']

/**
 * Whether a request frame that arrived under `fault` goes unanswered.
 *
 * @example
 * if (swallowsRequest(fault, frame)) return // left unanswered
 */
export function swallowsRequest(fault: GatewayFault, frame: GatewayFrame): boolean {
  if (fault === 'black-hole') return true
  return fault === 'hang-login' && frame.head.servcmd === SERVCMD.login
}

/**
 * Checks a fault name from code or an HTTP body.
 *
 * @example
 * gateway.setFault(toGatewayFault(body.fault)) // RangeError on 'blackhole'
 */
export function toGatewayFault(value: unknown): GatewayFault {
  if (!GATEWAY_FAULTS.includes(value as GatewayFault)) {
    throw new RangeError(`fault must be one of ${GATEWAY_FAULTS.join(', ')}`)
  }
  return value as GatewayFault
}
