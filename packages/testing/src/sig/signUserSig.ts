import { userSigJson } from '@chat-session/core/engine'
import { deflateUserSigJson } from './userSigEncoding'
import { userSigHmac } from './userSigHmac'

/** Options of {@link signUserSig}: the app, its key, the user and the lifetime. */
export interface SignUserSigOptions {
  readonly sdkAppId: number
  /** The app's secret key from the console. Test keys only: a key in a browser bundle is a leaked key. */
  readonly secretKey: string
  readonly userID: string
  /** Lifetime in seconds (`TLS.expire`). Zero or negative gives a sig that is already expired. */
  readonly expireSeconds: number
  /** Issue time in Unix milliseconds; defaults to `Date.now()`. */
  readonly now?: number
}

/**
 * Signs a UserSig byte-for-byte like `tls-sig-api-v2`'s `genUserSig`, using only Web APIs
 * (`crypto.subtle`, `CompressionStream`, `btoa`), so tests and demos can mint sigs in a browser or Node 20.
 *
 * @example
 * const userSig = await signUserSig({
 *   sdkAppId: 1400000000,
 *   secretKey: 'test-key',
 *   userID: 'alice',
 *   expireSeconds: 600,
 * })
 */
export async function signUserSig(options: SignUserSigOptions): Promise<string> {
  const { sdkAppId, secretKey, userID, expireSeconds } = options
  if (typeof userID !== 'string' || userID.length === 0)
    throw new TypeError('signUserSig: userID must be a non-empty string')
  if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0)
    throw new TypeError('signUserSig: sdkAppId must be a positive integer')
  if (typeof secretKey !== 'string' || secretKey.length === 0)
    throw new TypeError('signUserSig: secretKey is required')
  if (!Number.isSafeInteger(expireSeconds))
    throw new TypeError('signUserSig: expireSeconds must be an integer')
  const time = Math.floor((options.now ?? Date.now()) / 1000)
  const fields = { identifier: userID, sdkAppId, time, expire: expireSeconds }
  return deflateUserSigJson(userSigJson(fields, await userSigHmac(secretKey, fields)))
}
