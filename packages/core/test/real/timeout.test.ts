import { describe, expect, vi } from 'vitest'
import { sleep, test } from './_realSession'

describe('a login the server never answers, on the real SDK', { timeout: 15_000 }, () => {
  test("hits the engine's own timeout (login() rejects), and no second SDK login starts while the SDK's hangs", async ({
    world,
  }) => {
    const h = world.session({ session: { loginTimeout: 1000, backoffBase: 100, backoffCap: 200 } })
    world.gateway.hangNextLogin()
    const login = h.session.login('alice').catch((e: unknown) => e)
    await vi.waitFor(() => expect(h.snapshot().error).toMatchObject({ kind: 'timeout' }), { timeout: 2000 })
    expect(h.snapshot().status).toBe('logging-in')
    expect(h.events).toEqual(['login-failed'])
    // The SDK's login is still pending (its own timeout is 90 s): the engine backs off but sends nothing.
    await sleep(1500)
    expect(h.sdkLogins).toEqual(['alice'])
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(await login).toMatchObject({ kind: 'timeout', detail: 'login' })
    h.session.dispose()
  })
})
