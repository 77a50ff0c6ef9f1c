import { base64ToBytes, decodeUserSigDocument } from './userSigEncoding'
import { userSigHmacInput, userSigHmacKey } from './userSigHmac'

export interface VerifyUserSigOptions {
  readonly sdkAppId: number
  readonly secretKey: string
  /** When given, a sig made for another user fails with 70013. */
  readonly userID?: string
  /** Unix milliseconds to judge expiry against; defaults to `Date.now()`. */
  readonly now?: number
}

/**
 * What the server would say about a sig, with the server's login error codes:
 * 70001 expired, 70003 malformed or forged, 70013 another user, 70014 another app.
 */
export type UserSigVerdict =
  | { readonly ok: true; readonly identifier: string; readonly expiresAt: number }
  | { readonly ok: false; readonly code: 70001 | 70003 | 70013 | 70014; readonly reason: string }

/**
 * Checks a UserSig the way the Chat backend does (simulated): format, app, HMAC, expiry, then user.
 * `expiresAt` is Unix milliseconds. The HMAC is compared with `crypto.subtle.verify`, which is constant-time.
 *
 * @example
 * const verdict = await verifyUserSig(userSig, { sdkAppId: 1400000000, secretKey: 'test-key' })
 * if (!verdict.ok) reject(verdict.code)
 */
export async function verifyUserSig(userSig: string, options: VerifyUserSigOptions): Promise<UserSigVerdict> {
  let doc: Record<string, unknown>
  try {
    doc = await decodeUserSigDocument(userSig)
  } catch {
    return { ok: false, code: 70003, reason: 'The UserSig is not in the tls-sig-api-v2 format.' }
  }
  const identifier = doc['TLS.identifier']
  const sdkAppId = doc['TLS.sdkappid']
  const time = doc['TLS.time']
  const expire = doc['TLS.expire']
  const userbuf = doc['TLS.userbuf']
  const mac = doc['TLS.sig']
  if (
    typeof identifier !== 'string' ||
    typeof sdkAppId !== 'number' ||
    typeof time !== 'number' ||
    typeof expire !== 'number' ||
    typeof mac !== 'string' ||
    (userbuf !== undefined && typeof userbuf !== 'string')
  ) {
    return { ok: false, code: 70003, reason: 'The UserSig is missing fields.' }
  }
  // The backend picks the key by the sig's own SDKAppID, so another app's sig fails on the app, not the HMAC.
  if (sdkAppId !== options.sdkAppId) {
    return { ok: false, code: 70014, reason: `The UserSig was made for SDKAppID ${sdkAppId}.` }
  }
  let macBytes: Uint8Array<ArrayBuffer>
  try {
    macBytes = base64ToBytes(mac)
  } catch {
    return { ok: false, code: 70003, reason: 'The UserSig signature is not base64.' }
  }
  const input = userSigHmacInput({ identifier, sdkAppId, time, expire, userbuf })
  if (!(await crypto.subtle.verify('HMAC', await userSigHmacKey(options.secretKey), macBytes, input))) {
    return { ok: false, code: 70003, reason: 'The UserSig signature does not match the secret key.' }
  }
  const expiresAt = (time + expire) * 1000
  if ((options.now ?? Date.now()) > expiresAt) {
    return { ok: false, code: 70001, reason: 'The UserSig has expired.' }
  }
  if (options.userID !== undefined && identifier !== options.userID) {
    return { ok: false, code: 70013, reason: 'The UserSig was made for another userID.' }
  }
  return { ok: true, identifier, expiresAt }
}
