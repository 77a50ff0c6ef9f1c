/**
 * The `tls-sig-api-v2` wire format: JSON, zlib-deflated, base64 with `+/=` swapped for `*-_`.
 * Web APIs only (`CompressionStream`, `btoa`), so it runs in browsers and Node 20.
 */

/** The JSON document inside a UserSig, keys in the order `tls-sig-api-v2` writes them. */
export interface UserSigDocument {
  readonly 'TLS.ver': string
  readonly 'TLS.identifier': string
  readonly 'TLS.sdkappid': number
  readonly 'TLS.time': number
  readonly 'TLS.expire': number
  readonly 'TLS.userbuf'?: string
  readonly 'TLS.sig': string
}

const SIG_CHARS = /^[A-Za-z0-9*_-]+$/
// Sigs are about 190 chars and their JSON about 200 bytes. The caps keep a hostile client of the local gateway
// from making it inflate megabytes (a deflate bomb fits in a 4 kB sig).
const MAX_SIG_LENGTH = 4096
const MAX_DOC_BYTES = 8192

/** Serialises a document into a UserSig string. */
export async function encodeUserSigDocument(doc: UserSigDocument): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(doc))
  // 'deflate' is the zlib-wrapped format (0x78 header) zlib.deflateSync writes: sigs start with 'eJ'.
  const deflated = await pipeBytes(json, new CompressionStream('deflate'))
  return bytesToBase64(deflated).replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_')
}

/** Parses a UserSig back into its JSON object; rejects on anything that is not one. Checks no field. */
export async function decodeUserSigDocument(userSig: string): Promise<Record<string, unknown>> {
  if (
    typeof userSig !== 'string' ||
    userSig.length === 0 ||
    userSig.length > MAX_SIG_LENGTH ||
    !SIG_CHARS.test(userSig)
  ) {
    throw new TypeError('Not a UserSig')
  }
  const bytes = base64ToBytes(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='))
  const doc: unknown = JSON.parse(
    new TextDecoder().decode(await pipeBytes(bytes, new DecompressionStream('deflate'), MAX_DOC_BYTES)),
  )
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new TypeError('Not a UserSig')
  return doc as Record<string, unknown>
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
