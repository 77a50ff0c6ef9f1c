import { SessionError } from './sessionError'
import {
  type DecodedUserSig,
  fromUserSigBase64,
  parseUserSigJson,
  USER_SIG_PATTERN,
  userSigClaims,
} from './userSigFormat'

export type { DecodedUserSig } from './userSigFormat'

/**
 * Reads the identifier, SDKAppID and lifetime out of a Tencent UserSig (`tls-sig-api-v2` format, see
 * userSigFormat.ts). Works in browsers and Node (uses `atob` and `DecompressionStream`). Rejects with a
 * `SessionError` of kind `sig-invalid` for anything else.
 *
 * @example
 * const { identifier, expiresAt } = await decodeUserSig(userSig)
 */
export async function decodeUserSig(userSig: string): Promise<DecodedUserSig> {
  try {
    if (typeof userSig !== 'string' || !USER_SIG_PATTERN.test(userSig)) throw undefined
    const bytes = Uint8Array.from(atob(fromUserSigBase64(userSig)), (c) => c.charCodeAt(0))
    const fields = parseUserSigJson(await inflate(bytes))
    if (!fields) throw undefined
    return userSigClaims(fields)
  } catch (cause) {
    throw new SessionError('sig-invalid', undefined, undefined, cause ?? 'not a tls-sig-api-v2 UserSig')
  }
}

/** zlib inflate with the platform's DecompressionStream (browsers and Node 18+), no library. */
function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return new Response(new Response(bytes).body!.pipeThrough(new DecompressionStream('deflate'))).text()
}
