import { timingSafeEqual } from 'node:crypto'
import { GATEWAY_ERROR } from './protocol'
import { decodeUserSigDocument, userSigHmac } from './userSigCodec'

/** What the login request claims, plus the key the gateway holds for that app. */
export interface UserSigClaim {
  /** `head.identifier`: the userID passed to `login()`. */
  readonly userID: string
  /** `head.sdkappid`: the SDKAppID the SDK was created with. */
  readonly sdkAppId: number
  /** The secret key of `sdkAppId`, or `undefined` when the gateway does not serve that app (→ 70020). */
  readonly secretKey: string | undefined
  /** Unix milliseconds; defaults to `Date.now()`. */
  readonly now?: number
}

/** Login error codes {@link verifyUserSig} can produce. */
export type UserSigErrorCode = 70001 | 70003 | 70013 | 70014 | 70020

/** Verdict of {@link verifyUserSig}. `reason` is safe to log: it never contains the sig. */
export type UserSigVerdict =
  | { readonly ok: true; readonly userID: string; readonly sdkAppId: number; readonly expiresAt: number }
  | { readonly ok: false; readonly code: UserSigErrorCode; readonly reason: string }

/**
 * Verifies a UserSig the way the Tencent login service does, in this order: decodable (70003), `TLS.sdkappid`
 * equals the SDK's SDKAppID (70014), `TLS.identifier` equals the userID (70013), the app is known (70020),
 * HMAC-SHA256 with the app's secret key compared in constant time (70003), `now <= TLS.time + TLS.expire`
 * (70001). The signature is checked before the expiry so a forged, expired sig reports "invalid".
 *
 * @example
 * const verdict = verifyUserSig(userSig, { userID: 'alice', sdkAppId: 1400000001, secretKey })
 * if (!verdict.ok) console.warn(verdict.code, verdict.reason)
 */
export function verifyUserSig(userSig: string, claim: UserSigClaim): UserSigVerdict {
  const doc = decodeUserSigDocument(userSig)
  if (!doc) return fail(GATEWAY_ERROR.sigInvalid, 'UserSig is not a decodable tls-sig-api-v2 sig')
  if (doc['TLS.sdkappid'] !== claim.sdkAppId) {
    return fail(GATEWAY_ERROR.appMismatch, 'UserSig was issued for another SDKAppID')
  }
  if (doc['TLS.identifier'] !== claim.userID) {
    return fail(GATEWAY_ERROR.userMismatch, 'UserSig was issued for another userID')
  }
  if (claim.secretKey === undefined) return fail(GATEWAY_ERROR.appNotFound, 'SDKAppID is not served here')
  const expected = userSigHmac(claim.secretKey, doc)
  const given = Buffer.from(doc['TLS.sig'], 'base64')
  // timingSafeEqual throws on a length mismatch; the length itself is public (always 32 for SHA-256).
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return fail(GATEWAY_ERROR.sigInvalid, 'UserSig signature does not match the secret key')
  }
  const expiresAt = (doc['TLS.time'] + doc['TLS.expire']) * 1000
  if ((claim.now ?? Date.now()) > expiresAt) return fail(GATEWAY_ERROR.sigExpired, 'UserSig expired')
  return { ok: true, userID: doc['TLS.identifier'], sdkAppId: doc['TLS.sdkappid'], expiresAt }
}

function fail(code: UserSigErrorCode, reason: string): UserSigVerdict {
  return { ok: false, code, reason }
}
