import { describe, expect, it } from 'vitest'
import { signUserSig, type UserSigClaim, verifyUserSig } from '../../src/gateway'
import { APP_ID, OTHER_APP_ID, SECRET_KEY, sign } from './_sdk'

const claim = { userID: 'alice', sdkAppId: APP_ID, secretKey: SECRET_KEY }

describe('verifyUserSig', () => {
  it('accepts a tls-sig-api-v2 sig and reports its claims', async () => {
    const before = Date.now()
    const verdict = await verifyUserSig(sign('alice', 600), claim)
    expect(verdict).toMatchObject({ ok: true, identifier: 'alice', sdkAppId: APP_ID })
    if (!verdict.ok) throw new Error('unreachable')
    expect(verdict.expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 600_000)
    expect(verdict.expiresAt).toBeLessThanOrEqual(before + 600_000 + 1000)
  })

  const cases: ReadonlyArray<readonly [string, number, () => string, UserSigClaim]> = [
    ['expired', 70001, () => sign('alice', -1), claim],
    ['signed with another key', 70003, () => sign('alice', 600, { key: 'wrong' }), claim],
    ['not a sig at all', 70003, () => 'hello-world', claim],
    ['empty', 70003, () => '', claim],
    ['base64 of garbage', 70003, () => Buffer.from('garbage').toString('base64'), claim],
    ['for another user', 70013, () => sign('bob'), claim],
    ['for another app', 70014, () => sign('alice', 600, { sdkAppId: OTHER_APP_ID }), claim],
    ['for an app without a key here', 70020, () => sign('alice'), { ...claim, secretKey: undefined }],
  ]
  it.each(cases)('rejects a sig %s with %i', async (_, code, userSig, c) => {
    await expect(verifyUserSig(userSig(), c)).resolves.toMatchObject({ ok: false, code })
  })

  it('checks the signature before the expiry (a forged expired sig is "invalid")', async () => {
    await expect(verifyUserSig(sign('alice', -1, { key: 'wrong' }), claim)).resolves.toMatchObject({
      ok: false,
      code: 70003,
    })
  })

  it('honours `now` exactly at the expiry boundary (`now <= time + expire`)', async () => {
    const issued = Date.UTC(2030, 0, 1)
    const userSig = await signUserSig({
      sdkAppId: APP_ID,
      secretKey: SECRET_KEY,
      userID: 'alice',
      expireSeconds: 60,
      now: issued,
    })
    expect((await verifyUserSig(userSig, { ...claim, now: issued + 60_000 })).ok).toBe(true)
    await expect(verifyUserSig(userSig, { ...claim, now: issued + 60_001 })).resolves.toMatchObject({
      ok: false,
      code: 70001,
    })
  })

  it('rejects a sig whose signature bytes were altered', async () => {
    const issued = Date.now()
    const good = await signUserSig({
      sdkAppId: APP_ID,
      secretKey: SECRET_KEY,
      userID: 'alice',
      expireSeconds: 60,
      now: issued,
    })
    const other = await signUserSig({
      sdkAppId: APP_ID,
      secretKey: 'x',
      userID: 'alice',
      expireSeconds: 60,
      now: issued,
    })
    expect((await verifyUserSig(good, claim)).ok).toBe(true)
    await expect(verifyUserSig(other, claim)).resolves.toMatchObject({ ok: false, code: 70003 })
  })
})

describe('signUserSig', () => {
  it('produces sigs that match tls-sig-api-v2 byte for byte when issued in the same second', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = Date.now()
      const ours = await signUserSig({
        sdkAppId: APP_ID,
        secretKey: SECRET_KEY,
        userID: 'alice',
        expireSeconds: 600,
        now,
      })
      const theirs = sign('alice', 600)
      if (Math.floor(Date.now() / 1000) !== Math.floor(now / 1000)) continue // crossed a second boundary
      expect(ours).toBe(theirs)
      return
    }
  })

  it('starts with eJ and uses only the sig alphabet', async () => {
    const userSig = await signUserSig({
      sdkAppId: APP_ID,
      secretKey: SECRET_KEY,
      userID: 'alice',
      expireSeconds: 600,
    })
    expect(userSig).toMatch(/^eJ[A-Za-z0-9*_-]+$/)
  })
})
