import { encodeUserSigDocument, userSigHmac } from './userSigCodec'

/** Input of {@link signUserSig}. */
export interface SignUserSigOptions {
  readonly sdkAppId: number
  readonly secretKey: string
  readonly userID: string
  /** Lifetime in seconds. Zero or negative values give a sig that is already expired (useful in tests). */
  readonly expireSeconds: number
  /** Issue time, unix milliseconds; defaults to `Date.now()`. */
  readonly now?: number
}

/**
 * Issues a UserSig byte-compatible with `tls-sig-api-v2` `genUserSig` (same JSON key order, zlib, base64
 * swaps, HMAC input). Node only. For tests and local gateways: a real app signs on its own server.
 *
 * @example
 * const userSig = signUserSig({ sdkAppId: 1400000001, secretKey, userID: 'alice', expireSeconds: 600 })
 */
export function signUserSig(options: SignUserSigOptions): string {
  const { sdkAppId, secretKey, userID, expireSeconds } = options
  if (!Number.isFinite(expireSeconds)) throw new TypeError('expireSeconds must be a finite number of seconds')
  const fields = {
    'TLS.identifier': userID,
    'TLS.sdkappid': sdkAppId,
    'TLS.time': Math.floor((options.now ?? Date.now()) / 1000),
    'TLS.expire': Math.trunc(expireSeconds),
  }
  return encodeUserSigDocument({
    'TLS.ver': '2.0',
    ...fields,
    'TLS.sig': userSigHmac(secretKey, fields).toString('base64'),
  })
}
