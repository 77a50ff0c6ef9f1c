import { toUserSigBase64, userSigJson, userSigSignedText } from '@chat-session/core/engine'
import { deflate } from './deflate'

/** A signed UserSig and when it expires (Unix ms). */
export interface SignedUserSig {
  readonly userSig: string
  readonly expiresAt: number
}

const encoder = new TextEncoder()

/**
 * Returns a signer bound to one app, on Web APIs only (`crypto.subtle`, `CompressionStream`, `btoa`), so the
 * same code signs on Node and on edge runtimes. The output is `tls-sig-api-v2` 1.0.2's `genUserSig` byte for
 * byte (see deflate.ts for the one runtime where the compressed bytes differ): the same JSON document, key order,
 * HMAC input and base64 swaps. The key is imported once as a non-extractable CryptoKey inside the closure.
 */
export function createSigner(
  sdkAppId: number,
  secretKey: string,
): (userID: string, expireSeconds: number, nowMs: number) => Promise<SignedUserSig> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle
  if (typeof subtle?.importKey !== 'function') {
    throw new TypeError(
      '@chat-session/server needs Web Crypto (globalThis.crypto.subtle): Node 20+, Bun, Deno or an edge runtime',
    )
  }
  // The HMAC key is the secret's UTF-8 bytes, as crypto.createHmac(…, string) takes them (not hex-decoded).
  const key = subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ])
  // A failed import surfaces on the first sign; this only keeps it from being reported as unhandled first.
  key.catch(() => {})

  return async (userID, expireSeconds, nowMs) => {
    const fields = { identifier: userID, sdkAppId, time: Math.floor(nowMs / 1000), expire: expireSeconds }
    const hmac = new Uint8Array(
      await subtle.sign('HMAC', await key, encoder.encode(userSigSignedText(fields))),
    )
    // The document, key order included, is core's (userSigFormat.ts): it is compressed as text.
    const userSig = toUserSigBase64(
      toBase64(await deflate(encoder.encode(userSigJson(fields, toBase64(hmac))))),
    )
    return { userSig, expiresAt: (fields.time + expireSeconds) * 1000 }
  }
}

/** Standard base64 (with padding), as Buffer#toString('base64') writes it. Inputs here are a few hundred bytes. */
function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}
