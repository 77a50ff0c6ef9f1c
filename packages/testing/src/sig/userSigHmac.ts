import { type UserSigFields, userSigSignedText } from '@chat-session/core/engine'
import { bytesToBase64 } from './userSigEncoding'

/** The fields the HMAC covers, as they appear in the sig document. */
export type UserSigHmacFields = UserSigFields

/** The text `tls-sig-api-v2` signs (core's `userSigSignedText`), as UTF-8 bytes. */
export function userSigHmacInput(fields: UserSigHmacFields): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(userSigSignedText(fields))
}

/** An HMAC-SHA256 key from the secret's UTF-8 bytes (not hex-decoded, although the secret looks like hex). */
export function userSigHmacKey(secretKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secretKey),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  )
}

/** The base64 HMAC that goes into `TLS.sig`. */
export async function userSigHmac(secretKey: string, fields: UserSigHmacFields): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await userSigHmacKey(secretKey), userSigHmacInput(fields))
  return bytesToBase64(new Uint8Array(mac))
}
