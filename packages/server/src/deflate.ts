/**
 * zlib-format deflate (RFC 1950, what `zlib.deflateSync` writes) with Web APIs only. `CompressionStream('deflate')`
 * where the runtime has it: on Node (and any runtime built on zlib) its bytes are exactly `zlib.deflateSync`'s, so
 * sigs match `tls-sig-api-v2` byte for byte. Where it is missing or refuses (Next.js's edge sandbox defines it as a
 * stub that throws), the same bytes go out as stored (uncompressed) blocks: equally valid zlib, about 60 characters
 * longer once in base64, and every inflater (the Chat backend's, `DecompressionStream`, `zlib.inflateSync`) reads
 * back the same document.
 */
export async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  // Looked up at run time, not named: Next.js's edge bundler warns on the bare name although this falls back.
  const Compression = (globalThis as { CompressionStream?: typeof CompressionStream }).CompressionStream
  if (typeof Compression === 'function') {
    try {
      const compressed = new Response(bytes).body!.pipeThrough(new Compression('deflate'))
      return new Uint8Array(await new Response(compressed).arrayBuffer())
    } catch {
      // Fall through to stored blocks.
    }
  }
  return deflateStored(bytes)
}

/** Largest stored block (its LEN field is 16 bits). */
const MAX_STORED = 0xffff

/** A zlib stream of stored blocks (RFC 1950 header and Adler-32 around RFC 1951 BTYPE 00 blocks). */
export function deflateStored(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const blocks = Math.max(1, Math.ceil(bytes.length / MAX_STORED))
  const out = new Uint8Array(2 + blocks * 5 + bytes.length + 4)
  // 0x78 0x9c, zlib's default header: 32 kB window, check bits valid; its level field is advisory, and keeping
  // the usual header keeps every sig starting with "eJ" as the docs say.
  out[0] = 0x78
  out[1] = 0x9c
  let at = 2
  for (let block = 0; block < blocks; block++) {
    const start = block * MAX_STORED
    const length = Math.min(MAX_STORED, bytes.length - start)
    out[at++] = block === blocks - 1 ? 1 : 0 // BFINAL, BTYPE 00
    out[at++] = length & 0xff
    out[at++] = length >>> 8
    out[at++] = ~length & 0xff
    out[at++] = (~length >>> 8) & 0xff
    out.set(bytes.subarray(start, start + length), at)
    at += length
  }
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  new DataView(out.buffer).setUint32(at, ((b << 16) | a) >>> 0)
  return out
}
