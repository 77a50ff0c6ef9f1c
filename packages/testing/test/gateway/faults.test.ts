import { describe, expect } from 'vitest'
import { sign, sleep, test, waitFor } from './_sdk'

/** Settles into 'pending' / 'resolved' / the rejection code, readable at any time. */
function track(p: Promise<unknown>): () => string {
  let state = 'pending'
  p.then(
    () => {
      state = 'resolved'
    },
    (e: { code?: number }) => {
      state = `rejected ${e.code}`
    },
  )
  return () => state
}

describe.concurrent('lasting faults, on the real SDK', () => {
  test('black-hole: the socket opens, the login is never answered, and it is once the fault ends', async ({
    h,
  }) => {
    h.gateway.setFault('black-hole')
    expect(h.gateway.status().fault).toBe('black-hole')
    const t = h.chat()
    const login = track(t.chat.login({ userID: 'alice', userSig: sign('alice') }))
    await waitFor(() => h.gateway.status().connections > 0, 2000, 'a socket')
    await sleep(1500)
    expect(login()).toBe('pending')
    expect(h.gateway.sessions()).toEqual({})
    h.gateway.setFault('none')
    // The SDK sends its login again on its next reconnect (its pings went unanswered).
    await waitFor(() => t.chat.isReady(), 10_000, 'ready after the fault')
    expect(login()).toBe('resolved')
  })

  test('black-hole also silences a signed-in session: no heartbeat answers, no pushed kick', async ({
    h,
  }) => {
    const t = await h.readyChat('alice')
    h.gateway.setFault('black-hole')
    const before = t.events.length
    h.gateway.kick('alice', 'rest-api')
    await sleep(1500)
    expect(t.names(before)).not.toContain('kickedOut')
    h.gateway.setFault('none')
    await waitFor(() => t.names(before).includes('kickedOut'), 10_000, 'the kick after the fault')
  })

  test('hang-login: heartbeats are answered, logins are not, until it ends', async ({ h }) => {
    const signedIn = await h.readyChat('bob')
    h.gateway.setFault('hang-login')
    const t = h.chat()
    const login = track(t.chat.login({ userID: 'alice', userSig: sign('alice') }))
    await sleep(2500)
    expect(login()).toBe('pending')
    // bob's session keeps answering heartbeats: still signed in, no expiry or kick.
    expect(signedIn.chat.isReady()).toBe(true)
    expect(signedIn.names()).not.toContain('kickedOut')
    expect(h.gateway.sessions()).toEqual({ bob: 1 })
    h.gateway.setFault('none')
    const again = h.chat()
    await again.login('carol', sign('carol'))
    expect(h.gateway.sessions()).toEqual({ bob: 1, carol: 1 })
  })

  test('the admin route switches the fault and refuses unknown names', async ({ h }) => {
    const post = (body: unknown) =>
      fetch(`${h.gateway.adminUrl}/fault`, { method: 'POST', body: JSON.stringify(body) })
    expect((await post({ fault: 'hang-login' })).status).toBe(200)
    expect(h.gateway.status().fault).toBe('hang-login')
    const bad = await post({ fault: 'blackhole' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ error: 'fault must be one of none, black-hole, hang-login' })
    expect((await post({ fault: 'none' })).status).toBe(200)
    expect(h.gateway.status().fault).toBe('none')
    expect(() => h.gateway.setFault('nope' as 'none')).toThrow(RangeError)
  })
})
