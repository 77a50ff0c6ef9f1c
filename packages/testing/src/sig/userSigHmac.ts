import { bytesToBase64 } from './userSigEncoding'

/** The fields the HMAC covers, as they appear in the sig document. */
export interface UserSigHmacFields {
  readonly identifier: string
  readonly sdkAppId: number
  readonly time: number
  readonly expire: number
  readonly userbuf?: string | undefined
}

/** The text `tls-sig-api-v2` signs: one `key:value\n` line per field, userbuf only when present. */
export function userSigHmacInput(fields: UserSigHmacFields): Uint8Array<ArrayBuffer> {
  let text =
    `TLS.identifier:${fields.identifier}\n` +
    `TLS.sdkappid:${fields.sdkAppId}\n` +
    `TLS.time:${fields.time}\n` +
    `TLS.expire:${fields.expire}\n`
  if (fields.userbuf !== undefined) text += `TLS.userbuf:${fields.userbuf}\n`
  return new TextEncoder().encode(text)
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
