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

const SIG_CHARS = /^[A-Za-z0-9*_-]+$/

/**
 * Reads the identifier, SDKAppID and lifetime out of a Tencent UserSig (`tls-sig-api-v2` format:
 * zlib-deflated JSON, base64 with `+/=` swapped for `*-_`). Works in browsers and Node (uses
 * `atob` and `DecompressionStream`). Rejects with a `SessionError` of kind `sig-invalid` for anything else.
 *
 * @example
 * const { identifier, expiresAt } = await decodeUserSig(userSig)
 */
export async function decodeUserSig(userSig: string): Promise<DecodedUserSig> {
  if (
    typeof userSig !== 'string' ||
    userSig.length < 16 ||
    userSig.length > 4096 ||
    !SIG_CHARS.test(userSig)
  ) {
    throw invalid()
  }
  let doc: Record<string, unknown>
  try {
    const b64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    doc = JSON.parse(await inflate(bytes)) as Record<string, unknown>
  } catch (cause) {
    throw invalid(cause)
  }
  const identifier = doc['TLS.identifier']
  const sdkAppId = doc['TLS.sdkappid']
  const time = doc['TLS.time']
  const expire = doc['TLS.expire']
  if (
    typeof identifier !== 'string' ||
    typeof sdkAppId !== 'number' ||
    typeof time !== 'number' ||
    typeof expire !== 'number' ||
    typeof doc['TLS.sig'] !== 'string'
  ) {
    throw invalid()
  }
  return { identifier, sdkAppId, issuedAt: time * 1000, expiresAt: (time + expire) * 1000 }
}

/** zlib inflate with the platform's DecompressionStream (browsers and Node 18+), no library. */
async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = new DecompressionStream('deflate')
  const writer = stream.writable.getWriter()
  // Write errors surface on the reading side as well; this catch only keeps them from going unhandled.
  writer.write(bytes).catch(() => {})
  writer.close().catch(() => {})
  const reader = stream.readable.getReader()
  const decoder = new TextDecoder()
  let text = ''
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += decoder.decode(chunk.value, { stream: true })
  }
  return text + decoder.decode()
}

function invalid(cause?: unknown): SessionError {
  return new SessionError('sig-invalid', undefined, undefined, cause)
}
