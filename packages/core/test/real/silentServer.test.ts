import { describe, expect, vi } from 'vitest'
import { sleep, test } from './_realSession'

/** Reads a promise's outcome at any time without awaiting it. */
function track(p: Promise<unknown>): () => string {
  let state = 'pending'
  p.then(
    () => {
      state = 'resolved'
    },
    (e: { kind?: string }) => {
      state = `rejected ${e.kind}`
    },
  )
  return () => state
}

describe('a server that accepts the socket and never answers, on the real SDK', { timeout: 30_000 }, () => {
  test('login() rejects with a typed timeout; the session keeps trying and is signed in once the server answers', async ({
    world,
  }) => {
    world.gateway.setFault('black-hole')
    const h = world.session({ session: { loginTimeout: 1000 } })
    await expect(h.session.login('alice')).rejects.toMatchObject({ kind: 'timeout' })
    expect(h.snapshot()).toMatchObject({ status: 'logging-in', error: { kind: 'timeout' } })
    world.gateway.setFault('none')
    // The SDK sends its pending login again on its next reconnect (every 3 s against a silent server).
    await vi.waitFor(() => expect(h.snapshot()).toMatchObject({ status: 'logged-in', error: null }), {
      timeout: 8000,
    })
    expect(h.sdkLogins).toEqual(['alice'])
    expect(world.gateway.sessions()).toEqual({ alice: 1 })
  })

  test('logout() during the stuck login resolves without waiting for the SDK; the session the SDK still opens is logged out', async ({
    world,
  }) => {
    world.gateway.setFault('black-hole')
    const h = world.session()
    const login = track(h.session.login('alice'))
    await vi.waitFor(() => expect(h.sdkLogins).toEqual(['alice']))
    await h.session.logout()
    expect(login()).toBe('rejected superseded')
    expect(h.snapshot().status).toBe('logged-out')
    world.gateway.setFault('none')
    // The SDK's stuck login lands on its next reconnect; the engine signs that session out again.
    await vi.waitFor(() => expect(h.sdkLogouts()).toBe(1), { timeout: 8000 })
    await vi.waitFor(() => expect(world.gateway.sessions()).toEqual({}))
    // The gateway drops the session when the logout request arrives; the SDK turns not-ready on the answer.
    await vi.waitFor(() => expect(h.sdk.isReady()).toBe(false))
    expect(h.snapshot().status).toBe('logged-out')
    expect(h.events).not.toContain('logged-in')
  })
})

describe('a server that answers heartbeats but not logins, on the real SDK', { timeout: 30_000 }, () => {
  test('retry() after the timeout gets a deadline of its own: no call waits on the stuck login', async ({
    world,
  }) => {
    world.gateway.setFault('hang-login')
    const h = world.session({ session: { loginTimeout: 1000 } })
    await expect(h.session.login('alice')).rejects.toMatchObject({ kind: 'timeout' })
    await expect(h.session.retry()).rejects.toMatchObject({ kind: 'timeout' })
    h.session.dispose()
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
  })

  test('a switch to another user is not blocked by the stuck login (which the SDK alone gives up only at 90 s)', async ({
    world,
  }) => {
    world.gateway.setFault('hang-login')
    const h = world.session()
    const alice = track(h.session.login('alice'))
    await vi.waitFor(() => expect(h.sdkLogins).toEqual(['alice']))
    const bob = h.session.login('bob')
    await sleep(0)
    expect(alice()).toBe('rejected superseded')
    world.gateway.setFault('none')
    // The SDK refuses other logins for 15 s after the stuck one began (2025); the engine asks again until it may.
    await bob
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'bob' })
    expect(h.sdk.getLoginUser()).toBe('bob')
    expect(world.gateway.sessions()).toEqual({ bob: 1 })
  })
})
