import { inflateSync } from 'node:zlib'
import { verifyUserSig } from '@chat-session/testing'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSigner } from '../src/createSigner'
import { referenceUserSig } from './_tlsSigApi'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const userIDs = fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/)
const sdkAppIds = fc.oneof(
  fc.constant(1_400_000_000),
  fc.integer({ min: 1, max: 2 ** 32 }),
  fc.maxSafeInteger(),
)
// Console keys are hex, but the HMAC takes any string's UTF-8 bytes (lone surrogates included) like createHmac.
const secretKeys = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{64}$/),
  fc.string({ minLength: 1, maxLength: 80, unit: 'binary' }),
)
const expiries = fc.oneof(
  fc.constantFrom(1, 60, 86_400, 7 * 86_400, 180 * 86_400),
  fc.integer({ min: 1, max: 2 ** 31 }),
)
// 2001 to 2100, with milliseconds (the sig keeps whole seconds, rounded down like the reference).
const clocks = fc.integer({ min: 1_000_000_000_000, max: 4_102_444_800_000 })

function sig(userSig: string): Buffer {
  return Buffer.from(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')
}

describe('the Web Crypto signer', () => {
  it('writes what tls-sig-api-v2 1.0.2 writes, byte for byte, for the same inputs and clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    await fc.assert(
      fc.asyncProperty(
        sdkAppIds,
        secretKeys,
        userIDs,
        expiries,
        clocks,
        async (app, key, user, expire, now) => {
          vi.setSystemTime(now)
          const expected = referenceUserSig(app, key, user, expire)
          const { userSig, expiresAt } = await createSigner(app, key)(user, expire, now)
          expect(userSig).toBe(expected)
          expect(expiresAt).toBe((Math.floor(now / 1000) + expire) * 1000)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('signs a sig the Chat backend (the local gateway) accepts for that user, app and lifetime only', async () => {
    const now = Date.now()
    const { userSig, expiresAt } = await createSigner(1_400_000_001, 'key-1')('alice', 600, now)
    expect(userSig).toMatch(/^eJ[A-Za-z0-9*_-]+$/)
    await expect(
      verifyUserSig(userSig, { sdkAppId: 1_400_000_001, secretKey: 'key-1', userID: 'alice', now }),
    ).resolves.toMatchObject({ ok: true, identifier: 'alice', expiresAt })
    await expect(
      verifyUserSig(userSig, { sdkAppId: 1_400_000_001, secretKey: 'key-2', now }),
    ).resolves.toMatchObject({ ok: false, code: 70003 })
  })

  it('still signs where CompressionStream is a stub that throws (Next.js edge sandbox): same document, valid zlib', async () => {
    vi.stubGlobal('CompressionStream', function CompressionStream() {
      throw new Error('A Node.js API is used (CompressionStream) which is not supported in the Edge Runtime.')
    })
    vi.useFakeTimers({ toFake: ['Date'] })
    await fc.assert(
      fc.asyncProperty(
        sdkAppIds,
        secretKeys,
        userIDs,
        expiries,
        clocks,
        async (app, key, user, expire, now) => {
          vi.setSystemTime(now)
          const expected = referenceUserSig(app, key, user, expire)
          const { userSig } = await createSigner(app, key)(user, expire, now)
          expect(userSig).toMatch(/^eJ[A-Za-z0-9*_-]+$/)
          // Not the reference's bytes (stored, not compressed), but exactly the reference's document inside.
          expect(inflateSync(sig(userSig)).toString('utf8')).toBe(inflateSync(sig(expected)).toString('utf8'))
        },
      ),
      { numRuns: 100 },
    )
    vi.useRealTimers()
    const now = Date.now()
    const { userSig } = await createSigner(1_400_000_001, 'key-1')('bob', 600, now)
    await expect(
      verifyUserSig(userSig, { sdkAppId: 1_400_000_001, secretKey: 'key-1', userID: 'bob', now }),
    ).resolves.toMatchObject({ ok: true, identifier: 'bob' })
  })

  it('refuses to start without Web Crypto, saying what it needs', () => {
    vi.stubGlobal('crypto', undefined)
    expect(() => createSigner(1, 'key')).toThrow(/needs Web Crypto \(globalThis\.crypto\.subtle\)/)
  })
})
