import { createFakeChatService } from '@chat-session/testing'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SessionError } from '../src/index'
import { fakePage } from './_fakePage'
import { harness, loginNow, settle } from './_harness'
import { makeSig, SDK_APP_ID, SECRET_KEY } from './_sig'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the session engine on the fake SDK', () => {
  it('is logged-in only after SDK_READY, never on the login promise alone', async () => {
    const h = harness()
    const seen: Array<[string, boolean]> = []
    h.session.store.subscribe((s) => seen.push([s.status, h.chat.isReady()]))
    await loginNow(h, 'alice')
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice', error: null })
    expect(h.chat.getLoginUser()).toBe('alice')
    for (const [status, ready] of seen) if (status === 'logged-in') expect(ready).toBe(true)
    expect(h.statuses).toEqual(['logging-in', 'logged-in'])
  })

  it('one login in flight, ever: N concurrent login() calls make 1 fetch and 1 SDK call', async () => {
    const h = harness()
    const calls = Array.from({ length: 8 }, () => h.session.login('alice'))
    expect(new Set(calls).size).toBe(1)
    await Promise.all([...calls, settle(50)])
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(h.sdkLogins).toEqual(['alice'])
  })

  it('no login when already logged in as that user', async () => {
    const h = harness()
    await loginNow(h, 'alice')
    await loginNow(h, 'alice')
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(h.chat.fake.calls.login).toBe(1)
  })

  it('switching account logs out first, then logs in', async () => {
    const h = harness()
    await loginNow(h, 'alice')
    await loginNow(h, 'bob')
    expect(h.chat.fake.calls.logout).toBe(1)
    expect(h.sdkLogins).toEqual(['alice', 'bob'])
    expect(h.chat.getLoginUser()).toBe('bob')
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'bob' })
  })

  it('a newer switch cancels an older one: alice → bob → carol ends as carol with nothing stale applied', async () => {
    const h = harness({
      fetchUserSig: async (userID, { signal }) => {
        await new Promise((r) => setTimeout(r, 50))
        if (signal.aborted) throw new Error('aborted')
        return makeSig(userID)
      },
    })
    await Promise.all([h.session.login('alice'), settle(100)])
    const bob = h.session.login('bob').catch((e: unknown) => e)
    await settle(1)
    await Promise.all([h.session.login('carol'), settle(200)])
    expect(await bob).toMatchObject({ kind: 'superseded' })
    expect(h.sdkLogins).toEqual(['alice', 'carol'])
    const bobFetch = h.fetchUserSig.mock.calls.find(([id]) => id === 'bob')
    expect(bobFetch?.[1].signal.aborted).toBe(true)
    expect(h.chat.getLoginUser()).toBe('carol')
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'carol' })
  })

  it('UserSig expired at login (70001): one new fetch, one retry, success', async () => {
    const h = harness()
    h.chat.fake.failNextLogin(70001)
    await Promise.all([h.session.login('alice'), settle(50)])
    expect(h.fetchReasons()).toEqual(['login', 'expired'])
    expect(h.sdkLogins).toEqual(['alice', 'alice'])
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', refresh: 'idle', error: null })
  })

  it('never retries with a sig already rejected: a fetcher handing back the same sig is a terminal error', async () => {
    const sig = makeSig('alice')
    const h = harness({ fetchUserSig: async () => sig })
    h.chat.fake.failNextLogin(70001)
    const result = h.session.login('alice').catch((e: unknown) => e)
    await settle(50)
    expect(await result).toMatchObject({ kind: 'sig-expired' })
    expect(h.fetchUserSig).toHaveBeenCalledTimes(2)
    expect(h.sdkLogins).toEqual(['alice'])
    expect(h.snapshot()).toMatchObject({ status: 'logged-out', refresh: 'failed' })
    await settle(120_000)
    expect(h.sdkLogins).toEqual(['alice'])
  })

  it.each([
    [70003, 'sig-invalid'],
    [70013, 'sig-mismatch'],
    [70014, 'sig-mismatch'],
  ])('every other login error stops: %i is a terminal %s error with no retry', async (code, kind) => {
    const h = harness()
    h.chat.fake.failNextLogin(code)
    const result = h.session.login('alice').catch((e: unknown) => e)
    await settle(50)
    const error = await result
    expect(error).toBeInstanceOf(SessionError)
    expect(error).toMatchObject({ kind, code })
    await settle(120_000)
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(h.sdkLogins).toHaveLength(1)
    expect(h.snapshot()).toMatchObject({ status: 'logged-out', error: { kind } })
  })

  it('network errors (2801) back off with jitter, then succeed', async () => {
    const h = harness({ session: { backoffBase: 1000 } })
    h.chat.fake.failNextLogin(2801)
    const login = h.session.login('alice')
    await settle(10)
    expect(h.snapshot()).toMatchObject({ status: 'logging-in', error: { kind: 'network' } })
    await settle(400) // jitter 0.5 → 750 ms: not yet
    expect(h.sdkLogins).toHaveLength(1)
    await Promise.all([login, settle(1_000)])
    expect(h.sdkLogins).toHaveLength(2)
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1) // the sig was fine: no new fetch
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', error: null })
  })

  it('network errors stop after the attempt cap with a typed error, then retry() works', async () => {
    const h = harness({ session: { maxAttempts: 3, backoffBase: 100, backoffCap: 200 } })
    let failing = true
    h.chat.login = new Proxy(h.chat.login, {
      apply(target, self, args) {
        if (failing) h.chat.fake.failNextLogin(2800)
        return Reflect.apply(target, self, args)
      },
    })
    const login = h.session.login('alice').catch((e: unknown) => e)
    await settle(2_000)
    expect(await login).toMatchObject({ kind: 'network', code: 2800 })
    expect(h.sdkLogins).toHaveLength(3)
    expect(h.snapshot()).toMatchObject({ status: 'logged-out', error: { kind: 'network' } })
    await settle(60_000)
    expect(h.sdkLogins).toHaveLength(3)
    failing = false
    await Promise.all([h.session.retry(), settle(50)])
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice', error: null })
  })

  it('back online: a login waiting out its backoff tries at once; one that gave up on the network starts over once', async () => {
    const page = fakePage()
    let online = false
    const h = harness({
      session: { maxAttempts: 3, backoffBase: 10_000, backoffCap: 10_000, pageSignals: page.pageSignals },
      fetchUserSig: async (userID) => {
        if (!online) throw new TypeError('Failed to fetch')
        return makeSig(userID)
      },
    })
    const login = h.session.login('alice').catch((e: unknown) => e)
    await settle(10)
    expect(h.snapshot()).toMatchObject({ status: 'logging-in', error: { kind: 'fetcher-failed' } })
    // Still offline: the event alone ends the wait (one more attempt), it does not reset the attempt count.
    page.online()
    await settle(10)
    expect(h.fetchReasons()).toEqual(['login', 'retry'])
    await settle(10_000)
    expect(await login).toMatchObject({ kind: 'fetcher-failed' })
    expect(h.fetchUserSig).toHaveBeenCalledTimes(3)
    expect(h.snapshot()).toMatchObject({ status: 'logged-out', error: { kind: 'fetcher-failed' } })
    await settle(120_000)
    expect(h.fetchUserSig).toHaveBeenCalledTimes(3) // gave up: no loop

    online = true
    page.online()
    await settle(50)
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice', error: null })
    expect(h.sdkLogins).toEqual(['alice'])

    // Signed in, the SDK reconnects by itself: going offline and online again is no reason to log in.
    page.online()
    await settle(50)
    expect(h.sdkLogins).toEqual(['alice'])
    expect(page.listening()).toBe(1)
    h.session.dispose()
    expect(page.listening()).toBe(0)
  })

  it.each([
    ['the fetcher said forbidden', 'forbidden'],
    ['a kick', 'kick'],
    ['a logout', 'logout'],
  ] as const)('back online after %s: no login by itself', async (_, how) => {
    const page = fakePage()
    const h = harness({
      fetchUserSig: async (userID) => (how === 'forbidden' ? { error: 'forbidden' } : makeSig(userID)),
      session: { pageSignals: page.pageSignals },
    })
    if (how === 'forbidden') await Promise.all([h.session.login('alice').catch(() => {}), settle(50)])
    else {
      await loginNow(h, 'alice')
      if (how === 'kick') h.chat.fake.kick('multi-device')
      else await Promise.all([h.session.logout(), settle(50)])
      await settle(50)
    }
    const fetches = h.fetchUserSig.mock.calls.length
    page.online()
    await settle(5_000)
    expect(h.fetchUserSig).toHaveBeenCalledTimes(fetches)
    expect(h.sdkLogins.length).toBeLessThanOrEqual(1)
    expect(h.snapshot().status).toBe('logged-out')
  })

  it("a hanging SDK login hits the engine's own timeout: login() rejects, the session keeps trying, no second SDK login while it hangs", async () => {
    const h = harness({ session: { loginTimeout: 15_000 } })
    h.chat.fake.hangNextLogin()
    const login = h.session.login('alice').catch((e: unknown) => e)
    await settle(15_010)
    expect(await login).toMatchObject({ kind: 'timeout', detail: 'login' })
    expect(h.snapshot()).toMatchObject({ status: 'logging-in', error: { kind: 'timeout' } })
    await settle(60_000)
    expect(h.sdkLogins).toHaveLength(1)
    // The SDK gives up at 90 s with 2801; the engine then tries again.
    await settle(40_000)
    expect(h.maxInFlight()).toBe(1)
    expect(h.sdkLogins).toHaveLength(2)
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', error: null })
  })

  it.each([
    ['multi-device', 'multi-device'],
    ['rest-api', 'rest-api'],
  ] as const)(
    'kicked by %s: logged-out with the reason, never a re-login by itself',
    async (kind, reason) => {
      const h = harness()
      await loginNow(h, 'alice')
      h.chat.fake.kick(kind)
      await settle(120_000)
      expect(h.snapshot()).toMatchObject({ status: 'logged-out', kicked: { reason, userID: 'alice' } })
      expect(h.events).toContain('kicked')
      expect(h.sdkLogins).toEqual(['alice'])
      expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
    },
  )

  it('kicked by the same user on another client (multi-account): logged-out, the other client stays', async () => {
    const service = createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
    const first = harness({ service })
    const second = harness({ service })
    await loginNow(first, 'alice')
    await loginNow(second, 'alice')
    await settle(60_000)
    expect(first.snapshot()).toMatchObject({ status: 'logged-out', kicked: { reason: 'multi-account' } })
    expect(second.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice' })
    expect(first.sdkLogins).toEqual(['alice'])
  })

  it('after a kick, retry() signs in again with a fresh sig', async () => {
    const h = harness()
    await loginNow(h, 'alice')
    h.chat.fake.kick('multi-device')
    await settle()
    await Promise.all([h.session.retry(), settle()])
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', kicked: null })
    expect(h.fetchUserSig).toHaveBeenCalledTimes(2)
  })

  it('a kick stays in recovery while "sign in again" runs and after it failed, until the user signs out', async () => {
    let forbidden = false
    const h = harness({
      fetchUserSig: async (userID) => (forbidden ? { error: 'forbidden' } : makeSig(userID)),
    })
    await loginNow(h, 'alice')
    h.chat.fake.kick('multi-device')
    await settle()
    expect(h.snapshot().recovery).toMatchObject({ reason: 'kicked', kicked: { reason: 'multi-device' } })
    forbidden = true
    const retry = h.session.retry().catch((e: unknown) => e)
    expect(h.snapshot()).toMatchObject({ status: 'logging-in', kicked: null, recovery: { reason: 'kicked' } })
    await settle()
    expect(await retry).toMatchObject({ kind: 'forbidden' })
    expect(h.snapshot().recovery).toMatchObject({ reason: 'kicked', error: { kind: 'forbidden' } })
    await Promise.all([h.session.logout(), settle()])
    expect(h.snapshot()).toMatchObject({ status: 'logged-out', recovery: null })
  })

  it('a failed refresh stays in recovery through a failed "try again", and signing in again resolves it', async () => {
    let mode: 'ok' | 'forbidden' = 'ok'
    let issued = 0
    const h = harness({
      // A new lifetime each time, so every sig differs (the expired one is never accepted again).
      fetchUserSig: async (userID) =>
        mode === 'forbidden' ? { error: 'forbidden' } : makeSig(userID, 600 + issued++),
    })
    await loginNow(h, 'alice')
    mode = 'forbidden'
    h.chat.fake.expireSig()
    await settle(50)
    expect(h.snapshot()).toMatchObject({
      status: 'logged-out',
      refresh: 'failed',
      recovery: { reason: 'sig-expired', failure: { kind: 'forbidden' }, error: null },
    })
    await Promise.all([h.session.retry().catch(() => {}), settle(1_000)])
    expect(h.snapshot().recovery).toMatchObject({ reason: 'sig-expired', error: { kind: 'forbidden' } })
    mode = 'ok'
    // Enough fake time that a machine busy with other suites still finishes the login (no assertion on it).
    await Promise.all([h.session.retry(), settle(1_000)])
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', recovery: null })
  })

  it('UserSig expired while online: fetches a new sig and logs in again without user action', async () => {
    const h = harness()
    await loginNow(h, 'alice')
    h.chat.fake.expireSig()
    await settle(50)
    expect(h.fetchReasons()).toEqual(['login', 'expired'])
    expect(h.sdkLogins).toEqual(['alice', 'alice'])
    expect(h.events).toEqual(expect.arrayContaining(['sig-expired', 'sig-refreshed']))
    expect(h.events).not.toContain('kicked')
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', kicked: null, refresh: 'idle' })
  })

  it('retry() while a logout is still on its way tells the logout caller it was superseded', async () => {
    const h = harness()
    await loginNow(h, 'alice')
    h.chat.fake.setNet('disconnected') // the logout request waits for the socket
    const logout = h.session.logout().catch((e: unknown) => e)
    const retry = h.session.retry()
    h.chat.fake.setNet('connected')
    await settle(100)
    expect(await logout).toMatchObject({ kind: 'superseded' })
    await retry
    // The SDK logout could not be called back: once it is through, the engine signs alice in again.
    await settle(100)
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice', error: null })
  })

  it('a kick while the login waits for SDK_READY rejects that login with kicked, so no caller waits forever', async () => {
    const h = harness()
    const sdkLogin = h.chat.login
    h.chat.login = (params) => {
      const answer = sdkLogin(params)
      // The server kicks in the gap between the login's answer and SDK_READY.
      answer.then(() => setTimeout(() => h.chat.fake.kick('multi-device'), 0))
      return answer
    }
    const login = h.session.login('alice').catch((e: unknown) => e)
    await settle(50)
    expect(await login).toMatchObject({ kind: 'kicked' })
    expect(h.snapshot()).toMatchObject({ status: 'logged-out', kicked: { reason: 'multi-device' } })
    expect(h.sdkLogins).toEqual(['alice'])
  })

  it('retry() while signed in resolves at once, with no fetch and no SDK call', async () => {
    const h = harness()
    await loginNow(h, 'alice')
    await Promise.all([h.session.retry(), settle(10)])
    expect(h.sdkLogins).toEqual(['alice'])
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
  })

  it('never sends a sig the server found expired, even when a logout and a retry came between (found by the property test)', async () => {
    const sig = makeSig('alice', 600)
    const h = harness({ fetchUserSig: async () => sig }) // an endpoint that keeps handing out the same sig
    await loginNow(h, 'alice')
    h.chat.fake.setNet('disconnected') // the logout below waits for the socket
    const logout = h.session.logout().catch((e: unknown) => e)
    const retry = h.session.retry().catch((e: unknown) => e)
    h.chat.fake.expireSig() // the session alice signed in with expires
    h.chat.fake.setNet('connected')
    await settle(60_000)
    expect(await logout).toMatchObject({ kind: 'superseded' }) // retry() replaced it: its caller is told
    // The SDK was still signed in when retry() came (its logout had not gone out): that retry was done at once.
    expect(await retry).toBeUndefined()
    expect(h.sdkLogins).toEqual(['alice']) // the expired sig was not sent again
    expect(h.snapshot()).toMatchObject({
      status: 'logged-out',
      error: { kind: 'sig-expired', detail: 'stale' },
    })
  })

  it('fetches a fresh sig ahead of the decoded expiry and uses it at once when the expiry kick comes', async () => {
    const h = harness({ fetchUserSig: async (userID) => makeSig(userID, 600) })
    await loginNow(h, 'alice')
    expect(h.snapshot().sig?.expiresAt).toBeGreaterThan(Date.now())
    await settle(541_000) // 90 % of a 10-minute life
    expect(h.fetchReasons()).toEqual(['login', 'proactive'])
    expect(h.snapshot().status).toBe('logged-in')
    h.chat.fake.expireSig()
    await settle(20)
    expect(h.fetchUserSig).toHaveBeenCalledTimes(2)
    expect(h.sdkLogins).toEqual(['alice', 'alice'])
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', refresh: 'idle' })
  })

  it('catches up on its timers when the page is seen again after the machine slept', async () => {
    // A page that can be hidden and shown; timers do not run while "asleep" (the clock jumps, they don't).
    const page = fakePage()
    const h = harness({
      fetchUserSig: async (userID) => makeSig(userID, 600),
      session: { pageSignals: page.pageSignals },
    })
    await loginNow(h, 'alice')
    vi.setSystemTime(Date.now() + 560_000) // asleep past 90 % of the sig's 10-minute life
    await settle(10)
    expect(h.fetchReasons()).toEqual(['login'])

    page.visible()
    await settle(10)
    expect(h.fetchReasons()).toEqual(['login', 'proactive'])
    h.chat.fake.expireSig()
    await settle(20)
    expect(h.fetchUserSig).toHaveBeenCalledTimes(2) // the expiry used the sig fetched on wake
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', refresh: 'idle' })

    expect(page.listening()).toBe(1)
    h.session.dispose()
    expect(page.listening()).toBe(0)
  })

  it('mirrors the net state, sets netLost only after the grace period, and never logs in on reconnect', async () => {
    const h = harness({ session: { netLostAfter: 4_000 } })
    await loginNow(h, 'alice')
    const lost: boolean[] = []
    h.session.store.subscribe((s) => lost.push(s.netLost))
    h.chat.fake.setNet('connecting')
    await settle(1_000)
    h.chat.fake.setNet('connected')
    await settle(10_000)
    expect(lost).not.toContain(true) // a blip shorter than the grace never reaches the UI
    h.chat.fake.setNet('disconnected')
    expect(h.snapshot()).toMatchObject({ net: 'disconnected', netLost: false })
    await settle(4_100)
    expect(h.snapshot()).toMatchObject({ net: 'disconnected', netLost: true, status: 'logged-in' })
    h.chat.fake.setNet('connected')
    await settle(100)
    expect(h.snapshot()).toMatchObject({ net: 'connected', netLost: false, status: 'logged-in' })
    expect(h.events.filter((e) => e === 'net-lost' || e === 'net-restored')).toEqual([
      'net-lost',
      'net-restored',
    ])
    expect(h.sdkLogins).toEqual(['alice'])
  })

  it('a server-side drop is silent: no re-login, no status change', async () => {
    const h = harness()
    await loginNow(h, 'alice')
    h.chat.fake.drop()
    await settle(10_000)
    expect(h.sdkLogins).toEqual(['alice'])
    expect(h.statuses).toEqual(['logging-in', 'logged-in'])
  })

  it('a fetcher that throws is transient: retried with backoff', async () => {
    let calls = 0
    const h = harness({
      fetchUserSig: async (userID) => {
        calls++
        if (calls === 1) throw new Error('503 from the sig endpoint')
        return makeSig(userID)
      },
    })
    const login = h.session.login('alice')
    await settle(10)
    expect(h.snapshot().error).toMatchObject({ kind: 'fetcher-failed' })
    expect(h.snapshot().error?.cause).toMatchObject({ message: '503 from the sig endpoint' })
    await Promise.all([login, settle(2_000)])
    expect(h.fetchReasons()).toEqual(['login', 'retry'])
  })

  it('a fetcher that hangs is aborted through its signal after the fetch timeout, then retried', async () => {
    const signals: AbortSignal[] = []
    const h = harness({
      session: { fetchTimeout: 10_000 },
      fetchUserSig: (userID, { signal }) => {
        signals.push(signal)
        if (signals.length === 1) return new Promise(() => {})
        return Promise.resolve(makeSig(userID))
      },
    })
    const login = h.session.login('alice')
    await settle(10_010)
    expect(signals[0]?.aborted).toBe(true)
    expect(h.snapshot().error).toMatchObject({ kind: 'timeout' })
    await Promise.all([login, settle(2_000)])
    expect(h.snapshot().status).toBe('logged-in')
  })

  it.each([
    ['forbidden', async () => ({ error: 'forbidden' as const, message: 'account disabled' }), 'forbidden'],
    ['an object without userSig', async () => ({ nonsense: true }) as never, 'fetcher-failed'],
    ['a non-sig string', async () => 'hello', 'sig-invalid'],
    ['a sig for another user', async () => makeSig('mallory'), 'sig-mismatch'],
    ['a sig for another app', async () => makeSig('alice', 600, 1400009999), 'sig-mismatch'],
  ])(
    'a fetcher returning %s is a terminal typed error and no SDK login',
    async (_name, fetchUserSig, kind) => {
      const h = harness({ fetchUserSig })
      const result = h.session.login('alice').catch((e: unknown) => e)
      await settle(60_000)
      expect(await result).toMatchObject({ kind })
      expect(h.sdkLogins).toEqual([])
      expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
      expect(h.snapshot()).toMatchObject({ status: 'logged-out', error: { kind } })
    },
  )

  it.each([
    [
      'a Response not parsed',
      async () => new Response('{}') as never,
      'fetcher-failed',
      /fetchUserSig answered \[object Response\], no userSig/,
    ],
    [
      'the sig under another name',
      async () => ({ sig: makeSig('alice'), expires: 1 }) as never,
      'fetcher-failed',
      /fetchUserSig answered \{ sig, expires \}, no userSig/,
    ],
    [
      'an HTML error page',
      async () => '<!doctype html><title>502</title>',
      'sig-invalid',
      /not a tls-sig-api-v2 UserSig/,
    ],
  ])(
    'a fetcher answering %s gets an error that says what came back, never the value',
    async (_name, fetchUserSig, kind, said) => {
      const h = harness({ fetchUserSig })
      const error = await Promise.all([h.session.login('alice').catch((e: unknown) => e), settle(50)]).then(
        ([e]) => e,
      )
      expect(error).toMatchObject({ kind, message: expect.stringMatching(said) })
      expect((error as Error).message).not.toMatch(/eJ|doctype/)
    },
  )

  it.each([
    ['empty', ''],
    ['33 bytes', 'a'.repeat(33)],
    ['spaces', 'alice smith'],
    ['non-ASCII', 'zoë'],
  ])('invalid UserIDs (%s) are rejected before any fetch', async (_name, userID) => {
    const h = harness()
    await expect(h.session.login(userID)).rejects.toMatchObject({ kind: 'invalid-user-id' })
    expect(h.fetchUserSig).not.toHaveBeenCalled()
    expect(h.chat.fake.calls.login).toBe(0)
  })

  it('logout when logged out makes no SDK call', async () => {
    const h = harness()
    await h.session.logout()
    expect(h.chat.fake.calls.logout).toBe(0)
  })

  it('logout signs out and the SDK agrees', async () => {
    const h = harness()
    await loginNow(h, 'alice')
    await Promise.all([h.session.logout(), settle()])
    expect(h.chat.fake.calls.logout).toBe(1)
    expect(h.chat.isReady()).toBe(false)
    expect(h.snapshot()).toMatchObject({ status: 'logged-out', userID: null })
  })

  it('dispose() during a pending login: no listeners, no timers, no state change afterwards', async () => {
    const h = harness({
      fetchUserSig: (_id, { signal }) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    })
    const login = h.session.login('alice').catch((e: unknown) => e)
    await settle(1)
    const signal = h.fetchUserSig.mock.calls[0]?.[1].signal
    const before = h.snapshot()
    h.session.dispose()
    expect(await login).toMatchObject({ kind: 'disposed' })
    expect(signal?.aborted).toBe(true)
    expect(h.chat.fake.listenerCount()).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    await settle(120_000)
    expect(h.snapshot()).toBe(before)
  })

  it('dispose() while the SDK login is in flight: its answer changes nothing', async () => {
    const h = harness()
    h.chat.fake.setLatency(500)
    const login = h.session.login('alice').catch((e: unknown) => e)
    await settle(100)
    expect(h.sdkLogins).toEqual(['alice'])
    const before = h.snapshot()
    h.session.dispose()
    await settle(5_000)
    expect(await login).toMatchObject({ kind: 'disposed' })
    expect(h.snapshot()).toBe(before)
    expect(h.chat.fake.listenerCount()).toBe(0)
  })
})

describe('tabs of the same browser', () => {
  it("`tabs: 'ask'`: a multi-account kick caused by this browser’s other tab says so (BroadcastChannel)", async () => {
    const service = createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
    const channel = `tabs-${Math.random()}`
    const tabA = harness({ service, session: { tabChannel: channel, tabs: 'ask' } })
    const tabB = harness({ service, session: { tabChannel: channel, tabs: 'ask' } })
    await loginNow(tabA, 'alice')
    await loginNow(tabB, 'alice')
    await settle(100)
    expect(tabA.snapshot().kicked).toMatchObject({ reason: 'multi-account', fromThisBrowser: true })
    tabA.session.dispose()
    tabB.session.dispose()
  })

  it('by default (follow-focus) the same kick over a real BroadcastChannel pauses the tab instead', async () => {
    const service = createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
    const channel = `tabs-${Math.random()}`
    const tabA = harness({ service, session: { tabChannel: channel } })
    const tabB = harness({ service, session: { tabChannel: channel } })
    await loginNow(tabA, 'alice')
    await loginNow(tabB, 'alice')
    await settle(100)
    expect(tabA.snapshot()).toMatchObject({ status: 'paused', kicked: null, recovery: null })
    tabA.session.dispose()
    tabB.session.dispose()
  })

  it('without a shared channel (another browser or device) the kick keeps its plain reason', async () => {
    const service = createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
    const tabA = harness({ service, session: { tabChannel: `a-${Math.random()}` } })
    const other = harness({ service, session: { tabChannel: false } })
    await loginNow(tabA, 'alice')
    await loginNow(other, 'alice')
    await settle(100)
    expect(tabA.snapshot().kicked).toMatchObject({ reason: 'multi-account', fromThisBrowser: false })
    tabA.session.dispose()
    other.session.dispose()
  })
})

describe('secrets', () => {
  it('the UserSig and the session key never reach the store, events or errors', async () => {
    const h = harness()
    const seen: string[] = []
    h.session.store.subscribe((s) => seen.push(JSON.stringify(s)))
    for (const type of ['kicked', 'sig-expired', 'sig-refreshed', 'login-failed', 'logged-in'] as const) {
      h.session.on(type, (payload) => seen.push(JSON.stringify(payload)))
    }
    h.chat.fake.failNextLogin(70001)
    await loginNow(h, 'alice')
    h.chat.fake.expireSig()
    await settle(50)
    h.chat.fake.kick('multi-device')
    await settle(50)
    const sigs = await Promise.all(h.fetchUserSig.mock.results.map((r) => r.value as Promise<string>))
    expect(sigs.length).toBeGreaterThanOrEqual(3)
    const everything = seen.join('\n')
    for (const sig of sigs) expect(everything).not.toContain(sig)
    expect(everything).not.toMatch(/a2Key|eJ[\w*-]{40}/)
  })
})
