import { describe, expect, vi } from 'vitest'
import type { RealSession, RealWorld } from './_realSession'
import { sleep, test } from './_realSession'

// A session given a factory of real SDK instances (one module copy, as a page's TencentCloudChat.create):
// a login stuck offline, or let go of, goes with its instance, and the next is sent on a fresh one.
// The 3 s of issue #13 are measured by `pnpm bench`; these bounds are generous, for a loaded machine.
const BACK_WITHIN_MS = 6000

/** Resolves with the ms from `since` to the session's next `logged-in`. */
async function loggedInAfter(h: RealSession, since: number, timeout: number): Promise<number> {
  await vi.waitFor(() => expect(h.snapshot().status).toBe('logged-in'), { timeout, interval: 20 })
  return Date.now() - since
}

/**
 * A factory session signing alice in while the gateway has `fault`, lifted once `login()` timed out and at least
 * `atLeast` ms passed; resolves with the session and the ms from the lift to signed in.
 */
async function signInThrough(world: RealWorld, fault: 'black-hole' | 'hang-login', atLeast = 0) {
  world.gateway.setFault(fault)
  const h = world.session({ factory: true })
  const login = h.session.login('alice').catch((e: { kind?: string }) => e.kind)
  await sleep(atLeast)
  expect(await login).toBe('timeout')
  const back = Date.now()
  world.gateway.setFault('none')
  return { h, backIn: await loggedInAfter(h, back, BACK_WITHIN_MS) }
}

describe.concurrent('a fresh SDK instance for a login stuck offline, on the real SDK', {
  timeout: 120_000,
}, () => {
  test.for([20_000, 60_000])(
    'the service down at login for %i ms: signed in within seconds of its return, one sig, one session, no give-up',
    async (outage, { world }) => {
      world.gateway.pause()
      const h = world.session({ factory: true })
      const login = h.session.login('alice').catch((e: { kind?: string }) => e.kind)
      await sleep(outage)
      // The callers heard of the timeout; the session is still trying, on its third instance or later.
      expect(await login).toBe('timeout')
      expect(h.snapshot()).toMatchObject({ status: 'logging-in', netLost: true, error: { kind: 'timeout' } })
      expect(h.made.length).toBeGreaterThanOrEqual(3)
      const back = Date.now()
      world.gateway.resume()
      expect(await loggedInAfter(h, back, BACK_WITHIN_MS)).toBeLessThan(BACK_WITHIN_MS)
      expect(h.snapshot()).toMatchObject({ net: 'connected', netLost: false, error: null, userID: 'alice' })
      // The sig fetched at the start served every login: none of them reached the server before the last.
      expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
      expect(h.sdkLogins.length).toBe(h.made.length)
      expect(world.gateway.sessions()).toEqual({ alice: 1 })
      expect(h.events.filter((e) => e !== 'login-failed')).toEqual(['net-lost', 'net-restored', 'logged-in'])
      // Every instance before the last was destroyed: none has a socket, none is ready.
      for (const old of h.made.slice(0, -1)) expect(old.isReady()).toBe(false)
      expect(world.gateway.status().connections).toBe(1)
    },
  )

  test('a login the server receives and never answers (hang-login): at the login timeout it goes with its instance, and the retry on a fresh one signs in as soon as the server answers', async ({
    world,
  }) => {
    // Lifted at the engine's 15 s, long before the SDK's 90 s.
    const { h, backIn } = await signInThrough(world, 'hang-login')
    expect(backIn).toBeLessThan(BACK_WITHIN_MS)
    expect(h.made).toHaveLength(2)
    expect(h.made[0]!.isReady()).toBe(false)
    expect(h.sdkLogins).toEqual(['alice', 'alice'])
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(world.gateway.sessions()).toEqual({ alice: 1 })
    expect(world.gateway.status().connections).toBe(1)
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice', error: null })
  })

  test('a black-hole server past the login timeout: no replacement (the SDK re-sends by itself), signed in once it answers', async ({
    world,
  }) => {
    const { h, backIn } = await signInThrough(world, 'black-hole', 20_000)
    expect(backIn).toBeLessThan(BACK_WITHIN_MS)
    expect(h.made).toHaveLength(1)
    expect(h.sdkLogins).toEqual(['alice'])
    expect(world.gateway.sessions()).toEqual({ alice: 1 })
  })
})

// Not concurrently with the outages above: run beside them (one SDK module copy for all), the old instance's
// stuck login was seen to land after the switch or the logout on an idle machine.
describe('a login let go of, on the real SDK with a factory', { timeout: 60_000 }, () => {
  test('a switch during a stuck login signs the other user in at once on a fresh instance (no 15 s guard)', async ({
    world,
  }) => {
    world.gateway.setFault('hang-login')
    const h = world.session({ factory: true })
    const alice = h.session.login('alice').catch((e: { kind?: string }) => e.kind)
    await vi.waitFor(() => expect(h.sdkLogins).toEqual(['alice']))
    world.gateway.setFault('none')
    const switched = Date.now()
    await h.session.login('bob')
    expect(await alice).toBe('superseded')
    expect(Date.now() - switched).toBeLessThan(BACK_WITHIN_MS)
    expect(h.made).toHaveLength(2)
    expect(h.sdk.getLoginUser()).toBe('bob')
    // The stuck login may still land on the old instance as it goes (the SDK re-sends it on reconnect once the
    // server answers again): its destroy() logs that session out, so what stays is bob's alone.
    await vi.waitFor(() => expect(world.gateway.sessions()).toEqual({ bob: 1 }), { timeout: 5000 })
  })

  test('logout() during a stuck login resolves at once, and the stuck login can never land afterwards', async ({
    world,
  }) => {
    world.gateway.setFault('black-hole')
    const h = world.session({ factory: true })
    const login = h.session.login('alice').catch((e: { kind?: string }) => e.kind)
    await vi.waitFor(() => expect(h.sdkLogins).toEqual(['alice']))
    const t0 = Date.now()
    await h.session.logout()
    expect(Date.now() - t0).toBeLessThan(1000)
    expect(await login).toBe('superseded')
    world.gateway.setFault('none')
    // The old instance would have re-sent its login within 3 s of the server answering again.
    await sleep(4000)
    expect(world.gateway.sessions()).toEqual({})
    expect(h.made).toHaveLength(2)
    expect(h.made.map((sdk) => sdk.isReady())).toEqual([false, false])
    expect(h.sdkLogouts()).toBe(0)
    expect(h.snapshot().status).toBe('logged-out')
    expect(h.events).not.toContain('logged-in')
  })

  test('dispose() destroys the instance the factory made', async ({ world }) => {
    const h = world.session({ factory: true })
    await h.session.login('alice')
    expect(h.session.chat()).toBe(h.sdk)
    h.session.dispose()
    await vi.waitFor(() => expect(world.gateway.sessions()).toEqual({}))
    expect(h.sdk.isReady()).toBe(false)
  })
})
