import { describe, expect, vi } from 'vitest'
import { makeSig } from '../_sig'
import { test } from './_realSession'

describe.concurrent('UserSig expiry on the real SDK', { timeout: 15_000 }, () => {
  test('expired while online: fetches a new sig and logs in again without user action', async ({ world }) => {
    const h = world.session()
    await h.session.login('alice')
    world.gateway.expire('alice') // the SDK hears 70001 on its next heartbeat (1 s)
    await vi.waitFor(() => expect(h.sdkLogins).toHaveLength(2), { timeout: 4000 })
    await vi.waitFor(() => expect(h.snapshot().status).toBe('logged-in'), { timeout: 3000 })
    expect(h.fetchReasons()).toEqual(['login', 'expired'])
    expect(h.events).toEqual(['logged-in', 'sig-expired', 'sig-refreshed', 'logged-in'])
    expect(h.snapshot()).toMatchObject({ userID: 'alice', kicked: null, refresh: 'idle', error: null })
    // The store never showed the expiry as a sign-out: the re-login happened under 'logging-in'.
    expect(h.statuses).toEqual(['logging-in', 'logged-in', 'logging-in', 'logged-in'])
    expect(world.gateway.sessions()).toEqual({ alice: 1 })
  })

  test('a short sig is refreshed ahead of its expiry and used at once when the expiry comes', async ({
    world,
  }) => {
    // 4 s of life: the engine fetches at 90 % of it, the gateway expires it at 4 s, noticed within 1 s.
    let fetches = 0
    const h = world.session({ fetchUserSig: async (userID) => makeSig(userID, fetches++ === 0 ? 4 : 3600) })
    await h.session.login('alice')
    await vi.waitFor(() => expect(h.fetchReasons()).toEqual(['login', 'proactive']), { timeout: 5000 })
    expect(h.snapshot().status).toBe('logged-in')
    await vi.waitFor(() => expect(h.sdkLogins).toHaveLength(2), { timeout: 4000 })
    await vi.waitFor(() => expect(h.snapshot().status).toBe('logged-in'), { timeout: 3000 })
    // The held sig was used: no third fetch.
    expect(h.fetchUserSig).toHaveBeenCalledTimes(2)
    // sig-refreshed twice: when the proactive fetch lands, and when the re-login with that sig is done.
    expect(h.events).toEqual(['logged-in', 'sig-refreshed', 'sig-expired', 'sig-refreshed', 'logged-in'])
    expect(h.snapshot()).toMatchObject({ refresh: 'idle', error: null })
  })
})
