import type TencentCloudChat from '@tencentcloud/chat'
import sdkModuleUrl from '@tencentcloud/chat/index.es.js?url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PageSignals } from '../../../src/index'
import { admin, type BrowserSession, browserSession, gatewayStatus, sleep } from './_browserSession'

// A second copy of the SDK module (the file itself, outside Vite's bundle) for a second live instance.
const secondSdk = ((await import(/* @vite-ignore */ sdkModuleUrl)) as { default: typeof TencentCloudChat })
  .default

// Where the user is, told by the test: the test runner's iframe is never focused itself, and two sessions of
// one page stand for two tabs, one in use and one behind it.
const page =
  (focused: boolean): PageSignals =>
  ({ focus }) => {
    focus(focused)
    return () => {}
  }
const inUse = page(true)
const behind = page(false)

// The engine's main rules on the real @tencentcloud/chat 3.6.6 in Chromium (the browser code path: native
// WebSocket, window online/offline listeners), against the local gateway started by globalSetup.ts.
// The gateway is shared by the whole project, so every test uses its own userID.

const opened: BrowserSession[] = []
const open = (...args: Parameters<typeof browserSession>): BrowserSession => {
  const h = browserSession(...args)
  opened.push(h)
  return h
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.close()))
  // One gateway for the project: an arm whose login never arrived must not hang the next test's login.
  await admin('disarm')
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

  it('`tabs: \'ask\'`: another tab signs the same user in: kicked as multi-account from this browser, then "Use here" takes it back', async () => {
    // Two sessions of this app in one page stand for two tabs: each has its own SDK instance (module copy) and
    // they share the app's BroadcastChannel, as two tabs of one origin do.
    const tabChannel = `real-tabs-${crypto.randomUUID()}`
    const first = open({ tabChannel, tabs: 'ask' })
    await first.session.login('b-tabs')
    const second = open({ tabChannel, tabs: 'ask', sdkModule: secondSdk })
    await second.session.login('b-tabs')

    await vi.waitFor(() => expect(first.snapshot().status).toBe('logged-out'), { timeout: 3000 })
    expect(first.snapshot().kicked).toMatchObject({
      reason: 'multi-account',
      userID: 'b-tabs',
      fromThisBrowser: true,
    })
    await sleep(1500)
    expect(first.sdkLogins).toEqual(['b-tabs'])
    expect(second.snapshot()).toMatchObject({ status: 'logged-in', kicked: null })

    // "Use here" in the first tab: it signs in again and the second tab is the one told it was taken over.
    await first.session.retry()
    expect(first.snapshot()).toMatchObject({ status: 'logged-in', kicked: null, error: null })
    await vi.waitFor(() => expect(second.snapshot().status).toBe('logged-out'), { timeout: 3000 })
    expect(second.snapshot().kicked).toMatchObject({ reason: 'multi-account', fromThisBrowser: true })
    expect(second.sdkLogins).toEqual(['b-tabs'])
    expect(first.sdk.isReady()).toBe(true)
    expect(second.sdk.isReady()).toBe(false)
  })

  it('by default another tab taking the session pauses this one quietly; "Use here" takes it back, pausing the other', async () => {
    const tabChannel = `real-tabs-${crypto.randomUUID()}`
    const first = open({ tabChannel, pageSignals: inUse })
    await first.session.login('b-follow')
    const second = open({ tabChannel, sdkModule: secondSdk, pageSignals: inUse })
    await second.session.login('b-follow')
    await vi.waitFor(() => expect(first.snapshot().status).toBe('paused'), { timeout: 3000 })
    expect(first.snapshot()).toMatchObject({ userID: 'b-follow', kicked: null, recovery: null })
    await first.session.retry()
    await vi.waitFor(() => expect(second.snapshot().status).toBe('paused'), { timeout: 3000 })
    expect(first.snapshot()).toMatchObject({ status: 'logged-in', kicked: null })
    expect(first.sdk.isReady()).toBe(true)
    expect(second.sdk.isReady()).toBe(false)
  })

  it('a tab behind the one in use signing in pauses instead (real Web Locks): no SDK login, the live tab untouched', async () => {
    const tabChannel = `real-tabs-${crypto.randomUUID()}`
    const first = open({ tabChannel, pageSignals: inUse })
    await first.session.login('b-behind')
    const second = open({ tabChannel, sdkModule: secondSdk, pageSignals: behind })
    await expect(second.session.login('b-behind')).rejects.toMatchObject({ kind: 'superseded' })
    expect(second.snapshot()).toMatchObject({ status: 'paused', userID: 'b-behind', kicked: null })
    expect(second.sdkLogins).toEqual([])
    await sleep(500)
    expect(first.snapshot()).toMatchObject({ status: 'logged-in', kicked: null })
    expect(first.events).toEqual(['logged-in'])
    expect(first.sdk.isReady()).toBe(true)
    expect(second.sdk.isReady()).toBe(false)
    // The live tab closing lets go of its mark: a tab behind it then signs in.
    await first.close()
    const third = open({ tabChannel, pageSignals: behind })
    await third.session.login('b-behind')
    expect(third.snapshot().status).toBe('logged-in')
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
    expect(await login).toMatchObject({ kind: 'timeout', detail: 'login' })
    // The login reached the gateway and is the one held (an arm left over would hang a later test's login).
    await vi.waitFor(async () => expect((await gatewayStatus()).armedLogins).toBe(0), { timeout: 10_000 })
    await sleep(1500)
    expect(h.sdkLogins).toEqual(['b-hang'])
    h.session.dispose()
  })

  it('a server that accepts the socket and never answers: logout() during the stuck login resolves, and the session the SDK still opens is logged out', async () => {
    const h = open()
    let sdkReady = 0
    h.sdk.on('sdkStateReady', () => sdkReady++)
    await admin('fault', { fault: 'black-hole' })
    try {
      const login = h.session.login('b-black-hole').catch((e: unknown) => e)
      await vi.waitFor(() => expect(h.sdkLogins).toEqual(['b-black-hole']))
      await h.session.logout()
      expect(await login).toMatchObject({ kind: 'superseded' })
      expect(h.snapshot().status).toBe('logged-out')
    } finally {
      await admin('fault', { fault: 'none' })
    }
    // The SDK sends its login again on its next reconnect (every 3 s); the engine signs that session out.
    await vi.waitFor(() => expect(sdkReady).toBe(1), { timeout: 10_000 })
    await vi.waitFor(() => expect(h.sdk.isReady()).toBe(false))
    expect(h.snapshot().status).toBe('logged-out')
    expect(h.events).not.toContain('logged-in')
  })
})
