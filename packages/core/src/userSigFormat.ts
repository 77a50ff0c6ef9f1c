/**
 * The `tls-sig-api-v2` UserSig format, defined once: a JSON document of `TLS.*` fields, zlib-deflated, in base64
 * with `+/=` swapped for `*-_`. No zlib here: core's `decodeUserSig` (DecompressionStream), the testing package
 * (a capped inflate, sync on the gateway's frame path) and the server's signer (CompressionStream) each bring
 * their own, and read or write everything else through this module.
 */

/** What a UserSig says about itself. Decoding needs no key; it does not prove the sig is genuine. */
export interface DecodedUserSig {
  readonly identifier: string
  readonly sdkAppId: number
  /** Unix milliseconds. */
  readonly issuedAt: number
  /** Unix milliseconds (`TLS.time + TLS.expire`). */
  readonly expiresAt: number
}

/**
 * The JSON key of each field of a UserSig document, in the order `tls-sig-api-v2` writes them (the document is
 * deflated as text, so the order is part of the bytes).
 *
 * @example
 * doc[USER_SIG_KEY.sig] // the base64 HMAC
 */
export const USER_SIG_KEY = {
  ver: 'TLS.ver',
  identifier: 'TLS.identifier',
  sdkAppId: 'TLS.sdkappid',
  time: 'TLS.time',
  expire: 'TLS.expire',
  /** Only in sigs made with `genUserSigWithUserBuf`. */
  userbuf: 'TLS.userbuf',
  sig: 'TLS.sig',
} as const

/** A parsed UserSig document, before its fields are checked. */
export type UserSigDocument = { readonly [K in (typeof USER_SIG_KEY)[keyof typeof USER_SIG_KEY]]?: unknown }

/** The fields a signer writes (times in seconds, as the sig holds them). */
export interface UserSigFields {
  readonly identifier: string
  readonly sdkAppId: number
  /** Issue time, Unix seconds. */
  readonly time: number
  /** Lifetime in seconds. */
  readonly expire: number
  readonly userbuf?: string | undefined
}

/**
 * Standard base64 (of the deflated document) in the UserSig's variant; {@link userSigBytes} undoes it.
 *
 * @example
 * toUserSigBase64('eJ+/=') // 'eJ*-_'
 */
export function toUserSigBase64(base64: string): string {
  return base64.replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_')
}

/**
 * The deflated bytes of a UserSig: 16 to 4096 characters of its base64 alphabet, swapped back to standard
 * base64 and decoded. Throws, with no error object (each caller reports it its own way), on anything else.
 *
 * @example
 * const json = inflateSync(userSigBytes(userSig), { maxOutputLength: 8192 }).toString('utf8')
 */
export function userSigBytes(userSig: string): Uint8Array<ArrayBuffer> {
  // Kept in one function with the swap: core's bundle pays for each extra function (its size is guarded).
  if (typeof userSig !== 'string' || !/^[\w*-]{16,4096}$/.test(userSig)) throw undefined
  return Uint8Array.from(atob(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')), (c) =>
    c.charCodeAt(0),
  )
}

/**
 * Reads the claims out of an inflated document: identifier, SDKAppID and the times in Unix ms. Throws a
 * `SyntaxError` on text that is not JSON, and throws with no error object when a field (`TLS.sig` too) is
 * missing or of the wrong type. Checks no signature and no expiry.
 *
 * @example
 * const { identifier, expiresAt } = parseUserSigJson(inflated)
 */
export function parseUserSigJson(json: string): DecodedUserSig {
  const {
    'TLS.identifier': identifier,
    'TLS.sdkappid': sdkAppId,
    'TLS.time': time,
    'TLS.expire': expire,
    'TLS.sig': sig,
  }: UserSigDocument = JSON.parse(json)
  if (
    typeof identifier !== 'string' ||
    typeof sig !== 'string' ||
    ![sdkAppId, time, expire].every(Number.isFinite)
  )
    throw undefined
  // Number.isFinite narrows nothing in TypeScript: the check above is what makes these numbers.
  return {
    identifier,
    sdkAppId: sdkAppId as number,
    issuedAt: (time as number) * 1000,
    expiresAt: ((time as number) + (expire as number)) * 1000,
  }
}

/**
 * The document's JSON text with the HMAC `sig` (standard base64 of {@link userSigSignedText}'s HMAC-SHA256).
 *
 * @example
 * const json = userSigJson({ identifier: 'alice', sdkAppId: 1400000000, time, expire: 600 }, hmac)
 */
export function userSigJson(fields: UserSigFields, sig: string): string {
  return JSON.stringify({
    [USER_SIG_KEY.ver]: '2.0',
    [USER_SIG_KEY.identifier]: fields.identifier,
    [USER_SIG_KEY.sdkAppId]: fields.sdkAppId,
    [USER_SIG_KEY.time]: fields.time,
    [USER_SIG_KEY.expire]: fields.expire,
    ...(fields.userbuf === undefined ? {} : { [USER_SIG_KEY.userbuf]: fields.userbuf }),
    [USER_SIG_KEY.sig]: sig,
  })
}

/**
 * The text the HMAC-SHA256 in `TLS.sig` covers: one `key:value\n` line per field, `TLS.userbuf` only when present.
 *
 * @example
 * crypto.subtle.sign('HMAC', key, new TextEncoder().encode(userSigSignedText(fields)))
 */
export function userSigSignedText(fields: UserSigFields): string {
  const { identifier, sdkAppId, time, expire, userbuf } = USER_SIG_KEY
  const text = `${identifier}:${fields.identifier}\n${sdkAppId}:${fields.sdkAppId}\n${time}:${fields.time}\n${expire}:${fields.expire}\n`
  return fields.userbuf === undefined ? text : `${text}${userbuf}:${fields.userbuf}\n`
}
