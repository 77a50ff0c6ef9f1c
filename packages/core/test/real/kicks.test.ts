import { describe, expect, vi } from 'vitest'
import { fakePage } from '../_fakePage'
import { sleep, test } from './_realSession'

describe.concurrent('kicks on the real SDK', { timeout: 15_000 }, () => {
  test.for([
    ['multi-device', 'multi-device'],
    ['rest-api', 'rest-api'],
  ] as const)(
    'kicked by %s: logged-out with the reason, never a re-login by itself',
    async ([kind, reason], { world }) => {
      const h = world.session()
      await h.session.login('alice')
      world.gateway.kick('alice', kind)
      await vi.waitFor(() => expect(h.snapshot().status).toBe('logged-out'), { timeout: 3000 })
      // Long enough for a heartbeat, a reconnect (REST kicks recycle the socket) and any engine reaction.
      await sleep(1500)
      expect(h.snapshot()).toMatchObject({ status: 'logged-out', kicked: { reason, userID: 'alice' } })
      expect(h.events).toEqual(['logged-in', 'kicked'])
      expect(h.sdkLogins).toEqual(['alice'])
      expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
      expect(h.sdk.isReady()).toBe(false)
    },
  )

  test('kicked by a second client of the same user (multi-account): the other client stays', async ({
    world,
  }) => {
    const first = world.session()
    const second = world.session()
    await first.session.login('alice')
    await second.session.login('alice')
    await vi.waitFor(() => expect(first.snapshot().status).toBe('logged-out'), { timeout: 3000 })
    expect(first.snapshot().kicked).toMatchObject({ reason: 'multi-account', fromThisBrowser: false })
    expect(second.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice' })
    expect(first.sdkLogins).toEqual(['alice'])
    expect(world.gateway.sessions()).toEqual({ alice: 1 })
  })

  test("`tabs: 'ask'` over a BroadcastChannel: the multi-account kick says it came from this browser", async ({
    world,
  }) => {
    const tabChannel = `tabs-${Math.random()}`
    const tabA = world.session({ session: { tabChannel, tabs: 'ask' } })
    const tabB = world.session({ session: { tabChannel, tabs: 'ask' } })
    await tabA.session.login('alice')
    await tabB.session.login('alice')
    await vi.waitFor(() => expect(tabA.snapshot().kicked).not.toBeNull(), { timeout: 3000 })
    expect(tabA.snapshot().kicked).toMatchObject({ reason: 'multi-account', fromThisBrowser: true })
  })

  test('after a kick, retry() signs in again with a fresh sig', async ({ world }) => {
    const h = world.session()
    await h.session.login('alice')
    world.gateway.kick('alice', 'multi-device')
    await vi.waitFor(() => expect(h.snapshot().status).toBe('logged-out'), { timeout: 3000 })
    await h.session.retry()
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', kicked: null })
    expect(h.fetchUserSig).toHaveBeenCalledTimes(2)
    expect(h.sdkLogins).toEqual(['alice', 'alice'])
  })

  test('follow-focus over a BroadcastChannel: the tab taken over pauses, a key press there takes it back', async ({
    world,
  }) => {
    const tabChannel = `tabs-${Math.random()}`
    const pageA = fakePage()
    const tabA = world.session({ session: { tabChannel, pageSignals: pageA.pageSignals } })
    const tabB = world.session({ session: { tabChannel } })
    await tabA.session.login('alice')
    await tabB.session.login('alice')
    await vi.waitFor(() => expect(tabA.snapshot().status).toBe('paused'), { timeout: 3000 })
    expect(tabA.snapshot()).toMatchObject({ userID: 'alice', kicked: null, recovery: null })
    expect(world.gateway.sessions()).toEqual({ alice: 1 })
    pageA.engaged()
    await vi.waitFor(() => expect(tabA.snapshot().status).toBe('logged-in'), { timeout: 3000 })
    await vi.waitFor(() => expect(tabB.snapshot().status).toBe('paused'), { timeout: 3000 })
    expect(world.gateway.sessions()).toEqual({ alice: 1 })
    expect(tabA.sdkLogins).toEqual(['alice', 'alice'])
    expect(tabA.fetchUserSig).toHaveBeenCalledTimes(1)
  })
})
