import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionError } from '../src/index'
import { harness, loginNow, settle } from './_harness'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('login with a UserID the platform would refuse', () => {
  it.each([
    ['characters', 'a b'],
    ['too-long', 'a'.repeat(33)],
    ['characters', 'ålice'],
    ['empty', ''],
  ])(
    'lands in the store as invalid-user-id (%s), emits login-failed, rejects with that error, sends nothing',
    async (detail, userID) => {
      const h = harness()
      const failed: { userID: string; error: SessionError }[] = []
      h.session.on('login-failed', (payload) => failed.push(payload))
      const rejection = await h.session.login(userID).catch((error: unknown) => error)
      expect(rejection).toMatchObject({ kind: 'invalid-user-id', detail })
      expect(h.snapshot()).toMatchObject({ status: 'logged-out', userID: null, error: rejection })
      expect(failed).toEqual([{ userID, error: rejection }])
      expect(h.fetchUserSig).not.toHaveBeenCalled()
      expect(h.chat.fake.calls.login).toBe(0)
    },
  )

  it('a valid login afterwards clears the error and signs in', async () => {
    const h = harness()
    await h.session.login('a b').catch(() => {})
    await loginNow(h, 'alice')
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice', error: null })
  })

  it('while signed in, switching to an invalid UserID signs the old user out and shows the error', async () => {
    const h = harness()
    await loginNow(h, 'alice')
    await expect(h.session.login('a b')).rejects.toMatchObject({ kind: 'invalid-user-id' })
    await settle(50)
    expect(h.snapshot()).toMatchObject({ status: 'logged-out', error: { kind: 'invalid-user-id' } })
    expect(h.chat.isReady()).toBe(false)
    expect(h.sdkLogins).toEqual(['alice'])
  })
})
