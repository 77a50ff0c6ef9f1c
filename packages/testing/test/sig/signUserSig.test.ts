import { createRequire } from 'node:module'
import { decodeUserSig } from '@chat-session/core'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { signUserSig } from '../../src/sig/signUserSig'
import { encodeUserSigDocument } from '../../src/sig/userSigEncoding'
import { userSigHmac } from '../../src/sig/userSigHmac'
import { verifyUserSig } from '../../src/sig/verifyUserSig'

interface TlsSigApi {
  genUserSig(userID: string, expireSeconds: number): string
}
const require = createRequire(import.meta.url)
const { Api } = require('tls-sig-api-v2') as { Api: new (sdkAppId: number, key: string) => TlsSigApi }

const sdkAppId = 1400000000
const secretKey = 'made-up-secret-key-for-tests-0123456789abcdef'
const now = Date.UTC(2026, 0, 15, 12, 0, 0)

/** tls-sig-api-v2 reads Date.now() itself, so its clock is pinned instead of passed. */
function referenceSig(
  userID: string,
  expireSeconds: number,
  at: number,
  key = secretKey,
  appId = sdkAppId,
): string {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at)
  try {
    return new Api(appId, key).genUserSig(userID, expireSeconds)
  } finally {
    vi.useRealTimers()
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('signUserSig', () => {
  it('decodes with the core decoder', async () => {
    const sig = await signUserSig({ sdkAppId, secretKey, userID: 'alice', expireSeconds: 600, now })
    expect(sig).toMatch(/^eJ[A-Za-z0-9*_-]+$/)
    await expect(decodeUserSig(sig)).resolves.toEqual({
      identifier: 'alice',
      sdkAppId,
      issuedAt: now,
      expiresAt: now + 600_000,
    })
  })

  it('is byte-identical to tls-sig-api-v2 for the same clock', async () => {
    const sig = await signUserSig({ sdkAppId, secretKey, userID: 'alice', expireSeconds: 604800, now })
    expect(sig).toBe(referenceSig('alice', 604800, now))
  })

  it('matches tls-sig-api-v2 for any userID, lifetime, key and time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 32 }),
        fc.integer({ min: 1, max: 86400 * 365 }),
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }),
        async (userID, expireSeconds, key, at) => {
          const sig = await signUserSig({ sdkAppId, secretKey: key, userID, expireSeconds, now: at })
          expect(sig).toBe(referenceSig(userID, expireSeconds, at, key))
        },
      ),
      { numRuns: 50 },
    )
  })

  it('rejects bad arguments synchronously-ish (as a rejected promise)', async () => {
    await expect(signUserSig({ sdkAppId, secretKey, userID: '', expireSeconds: 60 })).rejects.toThrow(
      TypeError,
    )
    await expect(signUserSig({ sdkAppId: 0, secretKey, userID: 'a', expireSeconds: 60 })).rejects.toThrow(
      TypeError,
    )
    await expect(signUserSig({ sdkAppId, secretKey: '', userID: 'a', expireSeconds: 60 })).rejects.toThrow(
      TypeError,
    )
    await expect(signUserSig({ sdkAppId, secretKey, userID: 'a', expireSeconds: 1.5 })).rejects.toThrow(
      TypeError,
    )
  })
})

describe('verifyUserSig', () => {
  it('accepts a sig made by tls-sig-api-v2', async () => {
    const sig = referenceSig('alice', 600, now)
    await expect(
      verifyUserSig(sig, { sdkAppId, secretKey, userID: 'alice', now: now + 1000 }),
    ).resolves.toEqual({
      ok: true,
      identifier: 'alice',
      sdkAppId,
      issuedAt: now,
      expiresAt: now + 600_000,
    })
  })

  it('accepts its own sigs up to and including the expiry instant', async () => {
    const sig = await signUserSig({ sdkAppId, secretKey, userID: 'alice', expireSeconds: 600, now })
    const verdict = await verifyUserSig(sig, { sdkAppId, secretKey, now: now + 600_000 })
    expect(verdict.ok).toBe(true)
  })

  it('says 70003 for a wrong key', async () => {
    const sig = await signUserSig({
      sdkAppId,
      secretKey: 'another-key',
      userID: 'alice',
      expireSeconds: 600,
      now,
    })
    await expect(verifyUserSig(sig, { sdkAppId, secretKey, now })).resolves.toMatchObject({
      ok: false,
      code: 70003,
    })
  })

  it('says 70003 for garbage and for a tampered document', async () => {
    await expect(verifyUserSig('not-a-sig', { sdkAppId, secretKey })).resolves.toMatchObject({ code: 70003 })
    await expect(verifyUserSig('eJyrVgrxCdYr', { sdkAppId, secretKey })).resolves.toMatchObject({
      code: 70003,
    })
    // Same HMAC, longer lifetime: the HMAC no longer covers the document.
    const honest = referenceSig('alice', 60, now)
    const forged = referenceSig('alice', 999999, now, 'attacker-key')
    expect(honest).not.toBe(forged)
    await expect(verifyUserSig(forged, { sdkAppId, secretKey, now })).resolves.toMatchObject({ code: 70003 })
  })

  it('says 70001 once the sig is past TLS.time + TLS.expire', async () => {
    const sig = await signUserSig({ sdkAppId, secretKey, userID: 'alice', expireSeconds: 600, now })
    await expect(verifyUserSig(sig, { sdkAppId, secretKey, now: now + 600_001 })).resolves.toMatchObject({
      ok: false,
      code: 70001,
    })
  })

  it('says 70014 for a sig of another app', async () => {
    const sig = await signUserSig({
      sdkAppId: 1400000001,
      secretKey,
      userID: 'alice',
      expireSeconds: 600,
      now,
    })
    await expect(verifyUserSig(sig, { sdkAppId, secretKey, now })).resolves.toMatchObject({
      ok: false,
      code: 70014,
    })
  })

  it('says 70013 for a sig of another user, only when a userID is given', async () => {
    const sig = await signUserSig({ sdkAppId, secretKey, userID: 'bob', expireSeconds: 600, now })
    await expect(verifyUserSig(sig, { sdkAppId, secretKey, userID: 'alice', now })).resolves.toMatchObject({
      ok: false,
      code: 70013,
    })
    await expect(verifyUserSig(sig, { sdkAppId, secretKey, now })).resolves.toMatchObject({
      ok: true,
      identifier: 'bob',
    })
  })

  it('refuses (70003) a correctly signed sig whose document inflates past 8 kB, so a server cannot be bombed', async () => {
    const fields = { identifier: 'alice', sdkAppId, time: now / 1000, expire: 600 }
    const signed = async (userbuf: string) =>
      encodeUserSigDocument({
        'TLS.ver': '2.0',
        'TLS.identifier': 'alice',
        'TLS.sdkappid': sdkAppId,
        'TLS.time': fields.time,
        'TLS.expire': 600,
        'TLS.userbuf': userbuf,
        'TLS.sig': await userSigHmac(secretKey, { ...fields, userbuf }),
      })
    const small = await signed('A'.repeat(1000))
    const huge = await signed('A'.repeat(20_000))
    expect(huge.length).toBeLessThan(4096)
    await expect(verifyUserSig(small, { sdkAppId, secretKey, now })).resolves.toMatchObject({ ok: true })
    await expect(verifyUserSig(huge, { sdkAppId, secretKey, now })).resolves.toMatchObject({ code: 70003 })
  })

  it('judges expiry against Date.now() by default', async () => {
    const sig = await signUserSig({ sdkAppId, secretKey, userID: 'alice', expireSeconds: 600, now })
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(now + 700_000)
    await expect(verifyUserSig(sig, { sdkAppId, secretKey })).resolves.toMatchObject({ code: 70001 })
  })
})
