import { describe, expect, vi } from 'vitest'
import { test } from './_realSession'

describe('a login the server never answers, on the real SDK', { timeout: 40_000 }, () => {
  test("hits the engine's own timeout (login() rejects); the SDK refuses another login for 15 s (2025) and the engine asks again until it is let through", async ({
    world,
  }) => {
    const h = world.session({ session: { loginTimeout: 1000, backoffBase: 100, backoffCap: 200 } })
    world.gateway.hangNextLogin()
    const login = h.session.login('alice').catch((e: unknown) => e)
    expect(await login).toMatchObject({ kind: 'timeout', detail: 'login' })
    expect(h.snapshot().status).toBe('logging-in')
    await vi.waitFor(() => expect(h.snapshot()).toMatchObject({ status: 'logged-in', error: null }), {
      timeout: 25_000,
      interval: 200,
    })
    // Every attempt with the one sig fetched; one session on the server.
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(new Set(h.sdkLogins)).toEqual(new Set(['alice']))
    expect(world.gateway.sessions()).toEqual({ alice: 1 })
  })
})
