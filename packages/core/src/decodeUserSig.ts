import { SessionError } from './sessionError'
import { type DecodedUserSig, parseUserSigJson, userSigBytes } from './userSigFormat'

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
    // zlib inflate with the platform's DecompressionStream (browsers and Node 18+), no library.
    const inflated = new Response(userSigBytes(userSig)).body!.pipeThrough(new DecompressionStream('deflate'))
    return parseUserSigJson(await new Response(inflated).text())
  } catch (cause) {
    throw new SessionError('sig-invalid', undefined, undefined, cause ?? 'not a tls-sig-api-v2 UserSig')
  }
}
