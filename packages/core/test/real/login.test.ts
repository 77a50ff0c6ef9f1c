import { signUserSig } from '@chat-session/testing'
import { describe, expect, vi } from 'vitest'
import { SessionError } from '../../src/index'
import { SDK_APP_ID } from '../_sig'
import { test } from './_realSession'

// The engine's login rules once more, on the real @tencentcloud/chat 3.6.6 and the local gateway.
describe.concurrent('login on the real SDK', { timeout: 15_000 }, () => {
  test('is logged-in only after SDK_READY, never on the login promise alone', async ({ world }) => {
    const h = world.session()
    const seen: Array<[string, boolean]> = []
    h.session.store.subscribe((s) => seen.push([s.status, h.sdk.isReady()]))
    await h.session.login('alice')
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice', error: null })
    expect(h.sdk.getLoginUser()).toBe('alice')
    for (const [status, ready] of seen) if (status === 'logged-in') expect(ready).toBe(true)
    expect(h.statuses).toEqual(['logging-in', 'logged-in'])
    expect(h.events).toEqual(['logged-in'])
    expect(world.gateway.sessions()).toEqual({ alice: 1 })
  })

  test('N concurrent login() calls make one fetch and one SDK login', async ({ world }) => {
    const h = world.session()
    const calls = Array.from({ length: 8 }, () => h.session.login('alice'))
    expect(new Set(calls).size).toBe(1)
    await Promise.all(calls)
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(h.sdkLogins).toEqual(['alice'])
  })

  test('switching account logs out first, then logs in', async ({ world }) => {
    const h = world.session()
    await h.session.login('alice')
    await h.session.login('bob')
    expect(h.sdkLogouts()).toBe(1)
    expect(h.sdkLogins).toEqual(['alice', 'bob'])
    expect(h.sdk.getLoginUser()).toBe('bob')
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'bob' })
    expect(world.gateway.sessions()).toEqual({ bob: 1 })
  })

  test('UserSig expired at login (70001): one new fetch, one retry, success', async ({ world }) => {
    const h = world.session()
    world.gateway.failNextLogin(70001)
    await h.session.login('alice')
    expect(h.fetchReasons()).toEqual(['login', 'expired'])
    expect(h.sdkLogins).toEqual(['alice', 'alice'])
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', refresh: 'idle', error: null })
  })

  test('a sig the server finds forged (70003) is a terminal sig-invalid error, with no retry', async ({
    world,
  }) => {
    const forged = (userID: string) =>
      signUserSig({ sdkAppId: SDK_APP_ID, secretKey: 'not-the-app-key', userID, expireSeconds: 600 })
    const h = world.session({ fetchUserSig: forged })
    const error = await h.session.login('alice').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SessionError)
    expect(error).toMatchObject({ kind: 'sig-invalid', code: 70003 })
    await vi.waitFor(() =>
      expect(h.snapshot()).toMatchObject({ status: 'logged-out', error: { kind: 'sig-invalid' } }),
    )
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(h.sdkLogins).toEqual(['alice'])
  })

  test('logout signs out and the SDK agrees', async ({ world }) => {
    const h = world.session()
    await h.session.login('alice')
    await h.session.logout()
    expect(h.sdkLogouts()).toBe(1)
    expect(h.sdk.isReady()).toBe(false)
    expect(h.snapshot()).toMatchObject({ status: 'logged-out', userID: null })
    expect(h.events).toEqual(['logged-in', 'logged-out'])
    expect(world.gateway.sessions()).toEqual({})
  })
})
