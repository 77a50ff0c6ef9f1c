import { describe, expect } from 'vitest'
import { sign, type TestChat, test, waitFor } from './_sdk'

function kickedType(t: TestChat): string | undefined {
  const event = t.events.find((e) => e.name === 'kickedOut')
  return (event?.data as { type?: string } | undefined)?.type
}

describe.concurrent('kicks and expiry while online (real SDK)', () => {
  test('a newer login of the same user kicks the older instance (multipleAccount)', async ({ h }) => {
    // Two module copies = two live SDK instances of the same SDKAppID, like two browser tabs.
    const older = await h.readyChat('alice')
    const mark = older.events.length
    const newer = await h.readyChat('alice')
    await waitFor(() => older.names(mark).includes('sdkStateNotReady'), 3000, 'older instance kicked')
    expect(older.names(mark)).toEqual(['kickedOut', 'sdkStateNotReady'])
    expect(kickedType(older)).toBe('multipleAccount')
    // Inside the KICKED_OUT handler the SDK still reports ready (reference 1.8).
    expect(older.events[mark]?.ready).toBe(true)
    expect(newer.chat.isReady()).toBe(true)
    expect(newer.names()).toEqual(['login resolved', 'sdkStateReady'])
    expect(h.gateway.sessions()).toEqual({ alice: 1 })
    // The kicked SDK logged itself out (wslogout type 1), which ends its session on the gateway.
    await waitFor(
      () => h.lines.some((l) => l.includes('logout') && l.includes('"kicked":true')),
      2000,
      'logout',
    )
  })

  test.for([
    ['multi-device', 'multipleDevice', ['kickedOut', 'sdkStateNotReady']],
    ['rest-api', 'REST_API_Kick', ['kickedOut', 'sdkStateNotReady', 'net:connecting', 'net:connected']],
  ] as const)('kick(%s) → KICKED_OUT %s, then SDK_NOT_READY', async ([type, sdkType, expected], { h }) => {
    const t = await h.readyChat('bob')
    const mark = t.events.length
    expect(h.gateway.kick('bob', type)).toBe(1)
    await waitFor(() => t.names(mark).length >= expected.length, 3000, 'kick events')
    expect(t.names(mark)).toEqual(expected)
    expect(kickedType(t)).toBe(sdkType)
    expect(t.chat.isReady()).toBe(false)
    expect(h.gateway.sessions()).toEqual({})
    // After a kick a new login works at once.
    await t.login('bob', sign('bob'))
    await waitFor(() => t.chat.isReady(), 2000, 'ready after kick')
  })

  test('a kick made while the socket is down is delivered once it is back, exactly once', async ({ h }) => {
    const t = await h.readyChat('carol')
    const mark = t.events.length
    h.gateway.pause()
    expect(h.gateway.kick('carol', 'multi-device')).toBe(1)
    h.gateway.resume()
    await waitFor(() => t.names(mark).includes('sdkStateNotReady'), 5000, 'kick after reconnect')
    await waitFor(() => t.names(mark).includes('net:connected'), 3000, 'reconnected')
    expect(t.names(mark).filter((n) => !n.startsWith('net:'))).toEqual(['kickedOut', 'sdkStateNotReady'])
    expect(kickedType(t)).toBe('multipleDevice')
    // Depending on what the SDK sends first on the new socket (a queued heartbeat or the silent re-login),
    // the kick rides on a heartbeat answer or on a push, but only one of them.
    expect(h.lines.filter((l) => /kick (answered on heartbeat|pushed)/.test(l))).toHaveLength(1)
  })

  test('expire(userID) → KICKED_OUT userSigExpired on the next heartbeat, then a reconnect', async ({
    h,
  }) => {
    const t = await h.readyChat('dave')
    const mark = t.events.length
    expect(h.gateway.expire('dave')).toBe(1)
    const expected = ['kickedOut', 'sdkStateNotReady', 'net:connecting', 'net:connected']
    await waitFor(() => t.names(mark).length >= expected.length, 3000, 'expiry events')
    expect(t.names(mark)).toEqual(expected)
    expect(kickedType(t)).toBe('userSigExpired')
    expect(h.gateway.sessions()).toEqual({})
  })

  test('a sig that runs out while online expires the session on the next heartbeat', async ({ h }) => {
    // 2 s, not 1: TLS.time is floored to the second, so a 1 s sig can expire before login completes.
    const t = await h.readyChat('erin', sign('erin', 2))
    const mark = t.events.length
    await waitFor(() => t.names(mark).includes('sdkStateNotReady'), 5000, 'natural expiry')
    expect(t.names(mark).slice(0, 2)).toEqual(['kickedOut', 'sdkStateNotReady'])
    expect(kickedType(t)).toBe('userSigExpired')
  })

  test('kick and expire of a user who is not online do nothing', ({ h }) => {
    expect(h.gateway.kick('nobody', 'rest-api')).toBe(0)
    expect(h.gateway.expire('nobody')).toBe(0)
  })
})
