import { SessionError } from './sessionError'

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
 * Reads the identifier, SDKAppID and lifetime out of a Tencent UserSig (`tls-sig-api-v2` format:
 * zlib-deflated JSON, base64 with `+/=` swapped for `*-_`). Works in browsers and Node (uses
 * `atob` and `DecompressionStream`). Rejects with a `SessionError` of kind `sig-invalid` for anything else.
 *
 * @example
 * const { identifier, expiresAt } = await decodeUserSig(userSig)
 */
export async function decodeUserSig(userSig: string): Promise<DecodedUserSig> {
  try {
    // 16 to 4096 characters of the sig's base64 alphabet.
    if (typeof userSig !== 'string' || !/^[\w*-]{16,4096}$/.test(userSig)) throw undefined
    const b64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')
    const {
      'TLS.identifier': identifier,
      'TLS.sdkappid': sdkAppId,
      'TLS.time': time,
      'TLS.expire': expire,
      'TLS.sig': sig,
    } = JSON.parse(await inflate(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))))
    if (
      typeof identifier !== 'string' ||
      typeof sig !== 'string' ||
      ![sdkAppId, time, expire].every(Number.isFinite)
    ) {
      throw undefined
    }
    return { identifier, sdkAppId, issuedAt: time * 1000, expiresAt: (time + expire) * 1000 }
  } catch (cause) {
    throw new SessionError('sig-invalid', undefined, undefined, cause ?? 'not a tls-sig-api-v2 UserSig')
  }
}

/** zlib inflate with the platform's DecompressionStream (browsers and Node 18+), no library. */
function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return new Response(new Response(bytes).body!.pipeThrough(new DecompressionStream('deflate'))).text()
}
