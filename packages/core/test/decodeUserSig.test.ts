import { createHmac } from 'node:crypto'
import { deflateSync, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  parseUserSigJson,
  toUserSigBase64,
  USER_SIG_KEY,
  userSigBytes,
  userSigJson,
  userSigSignedText,
} from '../src/engine'
import { decodeUserSig, SessionError } from '../src/index'
import { makeSig, SDK_APP_ID, SECRET_KEY } from './_sig'

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

describe('the UserSig format (userSigFormat.ts)', () => {
  const inflate = (userSig: string) => inflateSync(userSigBytes(userSig)).toString('utf8')

  it('writes the document tls-sig-api-v2 writes: same keys, same order, same signed text', () => {
    const real = inflate(makeSig('alice', 600))
    const doc = JSON.parse(real) as Record<string, unknown>
    const fields = {
      identifier: 'alice',
      sdkAppId: SDK_APP_ID,
      time: doc['TLS.time'] as number,
      expire: 600,
    }
    expect(userSigJson(fields, doc['TLS.sig'] as string)).toBe(real)
    expect(Object.keys(doc)).toEqual(Object.values(USER_SIG_KEY).filter((key) => key !== 'TLS.userbuf'))
    const hmac = createHmac('sha256', SECRET_KEY).update(userSigSignedText(fields)).digest('base64')
    expect(hmac).toBe(doc['TLS.sig'])
  })

  it('round-trips: a document written here, deflated and swapped, decodes to its claims', async () => {
    const json = userSigJson(
      { identifier: 'bob', sdkAppId: 1400000002, time: 1_700_000_000, expire: 60 },
      'AAAA',
    )
    const userSig = toUserSigBase64(deflateSync(json).toString('base64'))
    expect(userSig).toMatch(/^eJ[\w*-]+$/)
    await expect(decodeUserSig(userSig)).resolves.toEqual({
      identifier: 'bob',
      sdkAppId: 1400000002,
      issuedAt: 1_700_000_000_000,
      expiresAt: 1_700_000_060_000,
    })
    expect(parseUserSigJson(inflate(userSig))).toEqual(await decodeUserSig(userSig))
  })

  it.each([
    ['no TLS.sig', { 'TLS.identifier': 'a', 'TLS.sdkappid': 1, 'TLS.time': 1, 'TLS.expire': 1 }],
    [
      'a string time',
      { 'TLS.identifier': 'a', 'TLS.sdkappid': 1, 'TLS.time': '1', 'TLS.expire': 1, 'TLS.sig': 's' },
    ],
    [
      'a numeric identifier',
      { 'TLS.identifier': 1, 'TLS.sdkappid': 1, 'TLS.time': 1, 'TLS.expire': 1, 'TLS.sig': 's' },
    ],
  ])('refuses a document with %s', async (_name, doc) => {
    const userSig = toUserSigBase64(deflateSync(JSON.stringify(doc)).toString('base64'))
    expect(() => parseUserSigJson(JSON.stringify(doc))).toThrow()
    await expect(decodeUserSig(userSig)).rejects.toMatchObject({ kind: 'sig-invalid' })
  })
})
