import type { GatewayLogger, LocalGatewayOptions } from './localGateway'

const SILENT: GatewayLogger = { debug() {}, info() {}, warn() {}, error() {} }

/** {@link LocalGatewayOptions} checked, with their defaults filled in. */
export interface ResolvedGatewayOptions {
  readonly sdkAppId: number
  readonly secretKey: string
  readonly host: string
  readonly helloInterval: number
  readonly log: GatewayLogger
}

/**
 * Checks the options of `startLocalGateway` (throws a `RangeError` or `TypeError` on a bad one) and fills in
 * the defaults: host `127.0.0.1`, a 10 s heartbeat, a silent logger.
 *
 * @example
 * const { host, helloInterval, log } = resolveGatewayOptions({ sdkAppId: 1400000001, secretKey })
 */
export function resolveGatewayOptions(options: LocalGatewayOptions): ResolvedGatewayOptions {
  const { sdkAppId, secretKey } = options
  if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) {
    throw new RangeError('sdkAppId must be a positive integer')
  }
  if (typeof secretKey !== 'string' || secretKey === '') {
    throw new TypeError('secretKey must be a non-empty string')
  }
  const host = options.host ?? '127.0.0.1'
  const helloInterval = options.helloInterval ?? 10
  if (!Number.isInteger(helloInterval) || helloInterval < 1) {
    throw new RangeError('helloInterval must be a whole number of seconds >= 1')
  }
  return { sdkAppId, secretKey, host, helloInterval, log: options.logger ?? SILENT }
}
