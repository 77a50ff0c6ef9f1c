import type { DecodedUserSig } from '@chat-session/core'
import {
  CHAT_ERROR_CODE,
  parseUserSigJson,
  USER_SIG_KEY,
  type UserSigDocument,
} from '@chat-session/core/engine'

const { USERSIG_EXPIRED, USERSIG_INVALID, USERID_MISMATCH, SDKAPPID_MISMATCH, SDKAPPID_NOT_FOUND } =
  CHAT_ERROR_CODE

import { base64ToBytes, inflateUserSig } from './userSigEncoding'
import { userSigHmacInput, userSigHmacKey } from './userSigHmac'

/** What a UserSig is checked against: the app and its key, and optionally the user it must be for. */
export interface VerifyUserSigOptions {
  /** The SDKAppID the client was created with (`head.sdkappid` on the wire). */
  readonly sdkAppId: number
  /**
   * The secret key of `sdkAppId`. `undefined` stands for an app the service does not know: a sig that
   * otherwise matches then fails with 70020, as the backend answers for an unknown SDKAppID.
   */
  readonly secretKey: string | undefined
  /** When given, a sig made for another user fails with 70013. */
  readonly userID?: string
  /** Unix milliseconds to judge expiry against; defaults to `Date.now()`. */
  readonly now?: number
}

/** Login error codes {@link verifyUserSig} can produce. */
export type UserSigErrorCode = (typeof CHAT_ERROR_CODE)[
  | 'USERSIG_EXPIRED'
  | 'USERSIG_INVALID'
  | 'USERID_MISMATCH'
  | 'SDKAPPID_MISMATCH'
  | 'SDKAPPID_NOT_FOUND']

/**
 * What the server would say about a sig, with the server's login error codes: 70001 expired, 70003 malformed
 * or forged, 70013 another user, 70014 another app, 70020 unknown app. When accepted, the sig's own claims
 * (times in Unix ms). `reason` is safe to log: it never contains the sig.
 */
export type UserSigVerdict =
  | {
      readonly ok: true
      readonly identifier: string
      readonly sdkAppId: number
      readonly issuedAt: number
      readonly expiresAt: number
    }
  | { readonly ok: false; readonly code: UserSigErrorCode; readonly reason: string }

/**
 * Checks a UserSig the way the Chat backend does (simulated), in this order: decodable (70003), `TLS.sdkappid`
 * equals the client's SDKAppID (70014), `TLS.identifier` equals the userID (70013), the app is known (70020),
 * HMAC-SHA256 with the app's key (70003), `now <= TLS.time + TLS.expire` (70001). The signature is checked
 * before the expiry, so a forged sig that is also expired reports "invalid". The HMAC is compared with
 * `crypto.subtle.verify`, which is constant-time. Web APIs only: runs in browsers, Node 20 and the gateway.
 *
 * @example
 * const verdict = await verifyUserSig(userSig, { sdkAppId: 1400000000, secretKey: 'test-key', userID: 'alice' })
 * if (!verdict.ok) reject(verdict.code)
 */
export async function verifyUserSig(userSig: string, options: VerifyUserSigOptions): Promise<UserSigVerdict> {
  let json: string
  let doc: UserSigDocument
  try {
    json = await inflateUserSig(userSig)
    doc = JSON.parse(json)
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new TypeError('Not a UserSig')
  } catch {
    return fail(USERSIG_INVALID, 'The UserSig is not in the tls-sig-api-v2 format.')
  }
  let claims: DecodedUserSig
  try {
    claims = parseUserSigJson(json)
  } catch {
    return fail(USERSIG_INVALID, 'The UserSig is missing fields.')
  }
  // The parse checked these fields (all but the optional userbuf); the HMAC covers them as the sig holds them.
  const { identifier, sdkAppId } = claims
  const time = doc[USER_SIG_KEY.time] as number
  const expire = doc[USER_SIG_KEY.expire] as number
  const mac = doc[USER_SIG_KEY.sig] as string
  const userbuf = doc[USER_SIG_KEY.userbuf]
  if (userbuf !== undefined && typeof userbuf !== 'string')
    return fail(USERSIG_INVALID, 'The UserSig is missing fields.')
  // The backend picks the key by the sig's own SDKAppID, so another app's sig fails on the app, not the HMAC.
  if (sdkAppId !== options.sdkAppId)
    return fail(SDKAPPID_MISMATCH, `The UserSig was made for SDKAppID ${sdkAppId}.`)
  if (options.userID !== undefined && identifier !== options.userID) {
    return fail(USERID_MISMATCH, 'The UserSig was made for another userID.')
  }
  if (options.secretKey === undefined)
    return fail(SDKAPPID_NOT_FOUND, `SDKAppID ${sdkAppId} is not served here.`)
  let macBytes: Uint8Array<ArrayBuffer>
  try {
    macBytes = base64ToBytes(mac)
  } catch {
    return fail(USERSIG_INVALID, 'The UserSig signature is not base64.')
  }
  const input = userSigHmacInput({ identifier, sdkAppId, time, expire, userbuf })
  if (!(await crypto.subtle.verify('HMAC', await userSigHmacKey(options.secretKey), macBytes, input))) {
    return fail(USERSIG_INVALID, 'The UserSig signature does not match the secret key.')
  }
  if ((options.now ?? Date.now()) > claims.expiresAt) return fail(USERSIG_EXPIRED, 'The UserSig has expired.')
  return { ok: true, ...claims }
}

function fail(code: UserSigErrorCode, reason: string): UserSigVerdict {
  return { ok: false, code, reason }
}
