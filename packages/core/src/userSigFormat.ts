/**
 * The `tls-sig-api-v2` UserSig format, defined once: a JSON document of `TLS.*` fields, zlib-deflated, in base64
 * with `+/=` swapped for `*-_`. No zlib and no Web API here: core's `decodeUserSig` (DecompressionStream), the
 * testing package (its own capped inflate) and the server's signer (CompressionStream) each bring their own, and
 * read or write the rest through this module.
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

/** The fields of a UserSig document, as the sig holds them (times in seconds). */
export interface UserSigFields {
  /** `TLS.identifier`: the UserID. */
  readonly identifier: string
  /** `TLS.sdkappid`. */
  readonly sdkAppId: number
  /** `TLS.time`: issue time, Unix seconds. */
  readonly time: number
  /** `TLS.expire`: lifetime in seconds. */
  readonly expire: number
  /** `TLS.userbuf`: only in sigs made with `genUserSigWithUserBuf`. */
  readonly userbuf?: string | undefined
  /** `TLS.sig`: the standard-base64 HMAC-SHA256 of {@link userSigSignedText}. */
  readonly sig: string
}

/**
 * What a UserSig can be before it is decoded: 16 to 4096 characters of its base64 alphabet.
 *
 * @example
 * USER_SIG_PATTERN.test(userSig) // false for a JWT or an empty string
 */
export const USER_SIG_PATTERN = /^[\w*-]{16,4096}$/

/**
 * Standard base64 (of the deflated document) in the UserSig's variant.
 *
 * @example
 * toUserSigBase64('eJ+/=') // 'eJ*-_'
 */
export function toUserSigBase64(base64: string): string {
  return base64.replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_')
}

/**
 * A UserSig back in standard base64, for `atob` or `Buffer.from(…, 'base64')`.
 *
 * @example
 * fromUserSigBase64('eJ*-_') // 'eJ+/='
 */
export function fromUserSigBase64(userSig: string): string {
  return userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')
}

/**
 * The document's JSON text, keys in the order `tls-sig-api-v2` writes them (`TLS.ver` "2.0" first): the document
 * is deflated as text, so the order is part of the bytes.
 *
 * @example
 * userSigJson({ identifier: 'alice', sdkAppId: 1400000000, time, expire: 600, sig: hmac })
 */
export function userSigJson(fields: UserSigFields): string {
  return JSON.stringify({
    'TLS.ver': '2.0',
    'TLS.identifier': fields.identifier,
    'TLS.sdkappid': fields.sdkAppId,
    'TLS.time': fields.time,
    'TLS.expire': fields.expire,
    ...(fields.userbuf === undefined ? {} : { 'TLS.userbuf': fields.userbuf }),
    'TLS.sig': fields.sig,
  })
}

/**
 * The text the HMAC-SHA256 in `TLS.sig` covers: one `key:value\n` line per field, `TLS.userbuf` only when present.
 *
 * @example
 * crypto.subtle.sign('HMAC', key, new TextEncoder().encode(userSigSignedText(fields)))
 */
export function userSigSignedText(fields: Omit<UserSigFields, 'sig'>): string {
  const text = `TLS.identifier:${fields.identifier}\nTLS.sdkappid:${fields.sdkAppId}\nTLS.time:${fields.time}\nTLS.expire:${fields.expire}\n`
  return fields.userbuf === undefined ? text : `${text}TLS.userbuf:${fields.userbuf}\n`
}

/**
 * Reads the fields out of an inflated document. `undefined` when one is missing or of the wrong type; throws a
 * `SyntaxError` on text that is not JSON. Checks no signature and no expiry.
 *
 * @example
 * const fields = parseUserSigJson(inflated)
 * if (fields) console.log(userSigClaims(fields).expiresAt)
 */
export function parseUserSigJson(json: string): UserSigFields | undefined {
  const {
    'TLS.identifier': identifier,
    'TLS.sdkappid': sdkAppId,
    'TLS.time': time,
    'TLS.expire': expire,
    'TLS.userbuf': userbuf,
    'TLS.sig': sig,
  } = Object(JSON.parse(json))
  return typeof identifier === 'string' &&
    typeof sig === 'string' &&
    [sdkAppId, time, expire].every(Number.isFinite) &&
    (userbuf === undefined || typeof userbuf === 'string')
    ? { identifier, sdkAppId, time, expire, userbuf, sig }
    : undefined
}

/**
 * What the fields say about the sig, times in Unix milliseconds.
 *
 * @example
 * userSigClaims(fields).expiresAt // (TLS.time + TLS.expire) * 1000
 */
export function userSigClaims(fields: UserSigFields): DecodedUserSig {
  return {
    identifier: fields.identifier,
    sdkAppId: fields.sdkAppId,
    issuedAt: fields.time * 1000,
    expiresAt: (fields.time + fields.expire) * 1000,
  }
}
