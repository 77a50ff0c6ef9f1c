import { afterEach, describe, expect, it, vi } from 'vitest'
import { admin, type BrowserSession, browserSession, sleep } from './_browserSession'

// The engine's main rules on the real @tencentcloud/chat 3.6.6 in Chromium (the browser code path: native
// WebSocket, window online/offline listeners), against the local gateway started by globalSetup.ts.
// The gateway is shared by the whole project, so every test uses its own userID.

let current: BrowserSession | undefined
const open = (...args: Parameters<typeof browserSession>): BrowserSession => {
  current = browserSession(...args)
  return current
}
afterEach(async () => {
  await current?.close()
  current = undefined
})

// The real SDK counts a socket that closes within 1 s of opening as a failed connect (`disconnected`).
const SOCKET_SETTLE_MS = 1100

describe('the session engine on the real SDK in Chromium', () => {
  it('is logged-in only after SDK_READY, as the user the app asked for', async () => {
    const h = open()
    const seen: Array<[string, boolean]> = []
    h.session.store.subscribe((s) => seen.push([s.status, h.sdk.isReady()]))
    await h.session.login('b-login')
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'b-login', error: null })
    expect(h.sdk.getLoginUser()).toBe('b-login')
    for (const [status, ready] of seen) if (status === 'logged-in') expect(ready).toBe(true)
    expect(h.statuses).toEqual(['logging-in', 'logged-in'])
  })

  it('UserSig expired while online: a new sig is fetched and the SDK logs in again by itself', async () => {
    const h = open()
    await h.session.login('b-expiry')
    expect(await admin('expire', { userID: 'b-expiry' })).toEqual({ expired: 1 })
    await vi.waitFor(() => expect(h.sdkLogins).toHaveLength(2), { timeout: 4000 })
    await vi.waitFor(() => expect(h.snapshot().status).toBe('logged-in'), { timeout: 3000 })
    expect(h.fetchReasons).toEqual(['login', 'expired'])
    expect(h.events).toEqual(['logged-in', 'sig-expired', 'sig-refreshed', 'logged-in'])
    expect(h.snapshot()).toMatchObject({ kicked: null, refresh: 'idle', error: null })
  })

  it('kicked by another device: logged-out with the reason, never a re-login by itself', async () => {
    const h = open()
    await h.session.login('b-kick')
    expect(await admin('kick', { userID: 'b-kick', type: 'multi-device' })).toEqual({ kicked: 1 })
    await vi.waitFor(() => expect(h.snapshot().status).toBe('logged-out'), { timeout: 3000 })
    await sleep(1500)
    expect(h.snapshot()).toMatchObject({
      status: 'logged-out',
      kicked: { reason: 'multi-device', userID: 'b-kick' },
    })
    expect(h.events).toEqual(['logged-in', 'kicked'])
    expect(h.sdkLogins).toEqual(['b-kick'])
    expect(h.sdk.isReady()).toBe(false)
  })

  it('a server-side drop is silent: connecting → connected, no re-login, no status change', async () => {
    const h = open({ netLostAfter: 2000 })
    await h.session.login('b-drop')
    await sleep(SOCKET_SETTLE_MS)
    expect(await admin('drop')).toEqual({ dropped: 1 })
    await vi.waitFor(() => expect(h.nets.at(-1)).toBe('connected'), { timeout: 3000 })
    await sleep(500)
    expect(h.nets).toEqual(['connected', 'connecting', 'connected'])
    expect(h.statuses).toEqual(['logging-in', 'logged-in'])
    expect(h.sdkLogins).toEqual(['b-drop'])
    expect(h.events).toEqual(['logged-in'])
  })

  it('an outage longer than netLostAfter: netLost while still logged-in, then restored', async () => {
    const h = open({ netLostAfter: 500 })
    await h.session.login('b-outage')
    await sleep(SOCKET_SETTLE_MS)
    await admin('outage', { ms: 2500 })
    await vi.waitFor(() => expect(h.snapshot().netLost).toBe(true), { timeout: 2000 })
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', net: 'disconnected' })
    await vi.waitFor(() => expect(h.snapshot()).toMatchObject({ net: 'connected', netLost: false }), {
      timeout: 6000,
    })
    expect(h.events).toEqual(['logged-in', 'net-lost', 'net-restored'])
    expect(h.statuses).toEqual(['logging-in', 'logged-in'])
    expect(h.sdkLogins).toEqual(['b-outage'])
  })

  it("a login the server never answers hits the engine's own timeout; no second SDK login", async () => {
    const h = open({ loginTimeout: 1000 })
    await admin('hang-next-login')
    const login = h.session.login('b-hang').catch((e: unknown) => e)
    await vi.waitFor(() => expect(h.snapshot().error).toMatchObject({ kind: 'timeout' }), { timeout: 3000 })
    expect(h.snapshot().status).toBe('logging-in')
    await sleep(1500)
    expect(h.sdkLogins).toEqual(['b-hang'])
    h.session.dispose()
    expect(await login).toMatchObject({ kind: 'disposed' })
  })
})
