import { describe, expect, it } from 'vitest'
import { decodeUserSig, SessionError } from '../src/index'
import { makeSig, SDK_APP_ID } from './_sig'

describe('decodeUserSig', () => {
  it('reads identifier, SDKAppID and expiry from a real tls-sig-api-v2 sig without the key', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000
    const decoded = await decodeUserSig(makeSig('alice', 3600))
    expect(decoded.identifier).toBe('alice')
    expect(decoded.sdkAppId).toBe(SDK_APP_ID)
    expect(decoded.issuedAt).toBeGreaterThanOrEqual(before)
    expect(decoded.expiresAt - decoded.issuedAt).toBe(3_600_000)
  })

  it.each([
    ['empty', ''],
    ['plain text', 'this is not a sig at all'],
    ['base64 that is not deflate', 'eJwAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc'],
  ])('rejects %s with a typed sig-invalid error', async (_name, value) => {
    const error = await decodeUserSig(value).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SessionError)
    expect(error).toMatchObject({ kind: 'sig-invalid' })
  })
})
