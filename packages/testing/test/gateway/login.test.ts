import { describe, expect } from 'vitest'
import { OTHER_APP_ID, sign, sleep, test, waitFor } from './_sdk'

describe.concurrent('login against the local gateway (real SDK)', () => {
  test('resolves login, then fires SDK_READY, with the session fields the SDK expects', async ({ h }) => {
    const t = h.chat()
    const result = (await t.login('alice', sign('alice'))) as { code: number; data: Record<string, unknown> }
    expect(result.code).toBe(0)
    expect(result.data).toMatchObject({ errorCode: 0, helloInterval: 1 })
    expect(typeof result.data.a2Key).toBe('string')
    expect(result.data.instanceID).not.toBe(0)
    await waitFor(() => t.chat.isReady(), 2000, 'SDK_READY')
    expect(t.names()).toEqual(['login resolved', 'sdkStateReady'])
    expect(t.chat.getLoginUser()).toBe('alice')
    expect(h.gateway.sessions()).toEqual({ alice: 1 })
  })

  const rejections: ReadonlyArray<readonly [string, number, () => string]> = [
    ['an expired sig', 70001, () => sign('alice', -10)],
    ['a sig signed with another key', 70003, () => sign('alice', 600, { key: 'not-the-app-key' })],
    ['a sig that is not a UserSig', 70003, () => 'eJyrVkrNK8ksqVSyUkpMSsrMS1eqBQA8SwZF'],
    ["another user's sig", 70013, () => sign('bob')],
    ["another app's sig", 70014, () => sign('alice', 600, { sdkAppId: OTHER_APP_ID })],
  ]
  test.for(rejections)(
    'rejects %s with %i, without SDK_NOT_READY or KICKED_OUT',
    async ([, code, userSig], { h }) => {
      const t = h.chat()
      await expect(t.chat.login({ userID: 'alice', userSig: userSig() })).rejects.toMatchObject({ code })
      await sleep(50)
      expect(t.names().filter((n) => !n.startsWith('net:'))).toEqual([])
      expect(t.chat.isReady()).toBe(false)
      expect(h.gateway.sessions()).toEqual({})
    },
  )

  test('rejects an SDKAppID the gateway does not serve with 70020', async ({ h }) => {
    const t = h.chat(OTHER_APP_ID)
    const userSig = sign('alice', 600, { sdkAppId: OTHER_APP_ID })
    await expect(t.chat.login({ userID: 'alice', userSig })).rejects.toMatchObject({ code: 70020 })
  })

  test('logout: SDK_NOT_READY, then logout resolves, and the session is gone', async ({ h }) => {
    const t = await h.readyChat('carol')
    const mark = t.events.length
    await t.chat.logout()
    t.events.push({ name: 'logout resolved', data: undefined, ready: t.chat.isReady() })
    expect(t.names(mark)).toEqual(['sdkStateNotReady', 'logout resolved'])
    expect(h.gateway.sessions()).toEqual({})
    // An immediate re-login works.
    await t.login('carol', sign('carol'))
    await waitFor(() => t.chat.isReady(), 2000, 'SDK_READY again')
  })

  test('failNextLogin answers the next login with the given code, once', async ({ h }) => {
    const t = h.chat()
    h.gateway.failNextLogin(60020, 'no package purchased')
    await expect(t.chat.login({ userID: 'dave', userSig: sign('dave') })).rejects.toMatchObject({
      code: 60020,
      message: 'no package purchased',
    })
    await t.login('dave', sign('dave'))
    await waitFor(() => t.chat.isReady(), 2000, 'SDK_READY')
  })

  test('hangNextLogin leaves the login pending', async ({ h }) => {
    const t = h.chat()
    h.gateway.hangNextLogin()
    let settled = false
    t.chat.login({ userID: 'erin', userSig: sign('erin') }).then(
      () => (settled = true),
      () => (settled = true),
    )
    await sleep(600)
    expect(settled).toBe(false)
    expect(h.gateway.sessions()).toEqual({})
  })

  test('setLatency delays the answers', async ({ h }) => {
    const t = h.chat()
    h.gateway.setLatency(300)
    const started = Date.now()
    await t.login('frank', sign('frank'))
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  test('never logs a UserSig or an a2 key', async ({ h }) => {
    const t = h.chat()
    const userSig = sign('grace')
    const result = (await t.login('grace', userSig)) as { data: { a2Key: string } }
    h.gateway.dropConnections()
    await waitFor(() => h.lines.some((l) => l.includes('silent re-login')), 4000, 'relogin')
    const all = h.lines.join('\n')
    expect(all).toContain('grace')
    expect(all).not.toContain(userSig)
    expect(all).not.toContain(result.data.a2Key)
  })
})
