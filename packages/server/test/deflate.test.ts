import { inflateSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deflateStored } from '../src/deflate'

async function readBoth(stream: Uint8Array<ArrayBuffer>): Promise<[Buffer, Buffer]> {
  const web = new Response(new Response(stream).body!.pipeThrough(new DecompressionStream('deflate')))
  return [inflateSync(stream), Buffer.from(await web.arrayBuffer())]
}

describe('deflateStored (the fallback where CompressionStream is unusable)', () => {
  it('writes zlib streams that zlib and DecompressionStream read back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        for (const out of await readBoth(deflateStored(bytes))) expect(out.equals(bytes)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it.each([0, 65_535, 65_536, 131_070, 131_071, 200_000])(
    'splits %i bytes into valid stored blocks',
    async (n) => {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 7919) % 251)
      for (const out of await readBoth(deflateStored(bytes))) expect(out.equals(bytes)).toBe(true)
    },
  )
})
