import { createHmac } from 'node:crypto'
import { deflateSync, inflateSync } from 'node:zlib'

/** The JSON document inside a `tls-sig-api-v2` UserSig, key for key. */
export interface UserSigDocument {
  readonly 'TLS.ver': string
  readonly 'TLS.identifier': string
  readonly 'TLS.sdkappid': number
  /** Issue time, unix seconds. */
  readonly 'TLS.time': number
  /** Lifetime in seconds (a duration: the sig expires at `TLS.time + TLS.expire`). */
  readonly 'TLS.expire': number
  /** Optional base64 user buffer (PrivateMapKey only); part of the HMAC input when present. */
  readonly 'TLS.userbuf'?: string
  /** Standard base64 HMAC-SHA256. */
  readonly 'TLS.sig': string
}

const SIG_CHARS = /^[A-Za-z0-9*_-]+$/
// Sigs are about 190 chars; the cap stops a hostile client from making the gateway inflate megabytes.
const MAX_SIG_LENGTH = 4096
const MAX_DOC_BYTES = 8192

/** zlib-deflate the JSON, base64 it, then swap `+/=` for `*-_` (the `tls-sig-api-v2` encoding). */
export function encodeUserSigDocument(doc: UserSigDocument): string {
  return deflateSync(Buffer.from(JSON.stringify(doc), 'utf8'))
    .toString('base64')
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_')
}

/** Reverses {@link encodeUserSigDocument}; `null` when the text is not a well-formed UserSig. */
export function decodeUserSigDocument(userSig: string): UserSigDocument | null {
  if (typeof userSig !== 'string' || userSig.length > MAX_SIG_LENGTH || !SIG_CHARS.test(userSig)) return null
  let doc: unknown
  try {
    const b64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')
    doc = JSON.parse(
      inflateSync(Buffer.from(b64, 'base64'), { maxOutputLength: MAX_DOC_BYTES }).toString('utf8'),
    )
  } catch {
    return null
  }
  if (typeof doc !== 'object' || doc === null) return null
  const d = doc as Record<string, unknown>
  const ok =
    typeof d['TLS.identifier'] === 'string' &&
    typeof d['TLS.sdkappid'] === 'number' &&
    Number.isFinite(d['TLS.time']) &&
    Number.isFinite(d['TLS.expire']) &&
    typeof d['TLS.sig'] === 'string' &&
    (d['TLS.userbuf'] === undefined || typeof d['TLS.userbuf'] === 'string')
  return ok ? (d as unknown as UserSigDocument) : null
}

/**
 * HMAC-SHA256 over the four (or five) `TLS.*` lines, keyed with the secret's UTF-8 bytes (not hex-decoded),
 * exactly as `tls-sig-api-v2` computes it.
 */
export function userSigHmac(
  secretKey: string,
  fields: Pick<
    UserSigDocument,
    'TLS.identifier' | 'TLS.sdkappid' | 'TLS.time' | 'TLS.expire' | 'TLS.userbuf'
  >,
): Buffer {
  let text =
    `TLS.identifier:${fields['TLS.identifier']}\n` +
    `TLS.sdkappid:${fields['TLS.sdkappid']}\n` +
    `TLS.time:${fields['TLS.time']}\n` +
    `TLS.expire:${fields['TLS.expire']}\n`
  if (fields['TLS.userbuf'] !== undefined) text += `TLS.userbuf:${fields['TLS.userbuf']}\n`
  return createHmac('sha256', secretKey).update(text, 'utf8').digest()
}
