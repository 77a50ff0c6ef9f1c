import { toUserSigBase64, USER_SIG_KEY, userSigBytes } from '@chat-session/core/engine'

// The format itself (keys, key order, base64 variant, field checks) is core's (userSigFormat.ts); this file adds
// the zlib, on Web APIs only (`CompressionStream`), so it runs in browsers and Node 20, with caps on inflating.

/** The JSON document inside a UserSig, keys in the order `tls-sig-api-v2` writes them. */
export interface UserSigDocument {
  readonly [USER_SIG_KEY.ver]: string
  readonly [USER_SIG_KEY.identifier]: string
  readonly [USER_SIG_KEY.sdkAppId]: number
  readonly [USER_SIG_KEY.time]: number
  readonly [USER_SIG_KEY.expire]: number
  readonly [USER_SIG_KEY.userbuf]?: string
  readonly [USER_SIG_KEY.sig]: string
}

// Sigs are about 190 chars and their JSON about 200 bytes. Core's userSigBytes caps the sig at 4096 characters;
// this caps the inflated document, so a hostile client of the local gateway cannot make it inflate megabytes
// (a deflate bomb fits in a 4 kB sig).
export const MAX_DOC_BYTES = 8192

/** Deflates a document's JSON text into a UserSig string. */
export async function deflateUserSigJson(json: string): Promise<string> {
  // 'deflate' is the zlib-wrapped format (0x78 header) zlib.deflateSync writes: sigs start with 'eJ'.
  const deflated = await pipeBytes(new TextEncoder().encode(json), new CompressionStream('deflate'))
  return toUserSigBase64(bytesToBase64(deflated))
}

/** Serialises a document, keys in its own order, into a UserSig string (tests use it for odd documents). */
export function encodeUserSigDocument(doc: UserSigDocument): Promise<string> {
  return deflateUserSigJson(JSON.stringify(doc))
}

/** The JSON text inside a UserSig, at most {@link MAX_DOC_BYTES}; rejects on anything that is not one. */
export async function inflateUserSig(userSig: string): Promise<string> {
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = userSigBytes(userSig)
  } catch {
    throw new TypeError('Not a UserSig')
  }
  return new TextDecoder().decode(await pipeBytes(bytes, new DecompressionStream('deflate'), MAX_DOC_BYTES))
}

/**
 * Runs bytes through a (de)compression stream. Writes and reads the stream directly rather than through
 * Blob/Response, which jsdom's Blob does not support. Throws once the output passes `maxBytes`.
 */
async function pipeBytes(
  bytes: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
  maxBytes = Number.POSITIVE_INFINITY,
) {
  const writer = transform.writable.getWriter()
  // Write errors also surface on the reading side; these catches only keep them from going unhandled.
  writer.write(bytes).catch(() => {})
  writer.close().catch(() => {})
  const chunks: Uint8Array[] = []
  const reader = transform.readable.getReader()
  let size = 0
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.length
    if (size > maxBytes) {
      reader.cancel().catch(() => {})
      throw new TypeError('Not a UserSig')
    }
    chunks.push(r.value)
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.length
  }
  return out
}

/** Standard base64 of raw bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  // Chunked so String.fromCharCode never receives more arguments than the engine allows.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

/** Raw bytes of standard base64; throws on invalid input. */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
}
