import { describe, expect, vi } from 'vitest'
import { sleep, test } from './_realSession'

// The real SDK counts a socket that closes within 1 s of opening as a failed connect; these tests are about
// an established connection, so they let the socket age first.
const SOCKET_SETTLE_MS = 1100

describe.concurrent('connection trouble on the real SDK', { timeout: 15_000 }, () => {
  test('a server-side drop is silent: no re-login, no status change, no netLost', async ({ world }) => {
    const h = world.session({ session: { netLostAfter: 2000 } })
    await h.session.login('alice')
    await sleep(SOCKET_SETTLE_MS)
    world.gateway.dropConnections()
    await vi.waitFor(() => expect(h.nets.at(-1)).toBe('connected'), { timeout: 3000 })
    await sleep(500)
    expect(h.nets).toEqual(['connected', 'connecting', 'connected'])
    expect(h.sdkLogins).toEqual(['alice'])
    expect(h.statuses).toEqual(['logging-in', 'logged-in'])
    expect(h.events).toEqual(['logged-in'])
  })

  test('an outage longer than netLostAfter: netLost, still logged-in, then restored with no re-login', async ({
    world,
  }) => {
    const h = world.session({ session: { netLostAfter: 500 } })
    await h.session.login('alice')
    await sleep(SOCKET_SETTLE_MS)
    const back = world.gateway.outage(2500)
    await vi.waitFor(() => expect(h.snapshot()).toMatchObject({ netLost: true }), { timeout: 2000 })
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice', net: 'disconnected' })
    await back
    await vi.waitFor(() => expect(h.snapshot()).toMatchObject({ net: 'connected', netLost: false }), {
      timeout: 4000,
    })
    expect(h.events).toEqual(['logged-in', 'net-lost', 'net-restored'])
    expect(h.nets.slice(0, 3)).toEqual(['connected', 'connecting', 'disconnected'])
    expect(h.nets).toContain('disconnected!')
    expect(h.statuses).toEqual(['logging-in', 'logged-in'])
    expect(h.sdkLogins).toEqual(['alice'])
    expect(h.sdk.isReady()).toBe(true)
  })
})
