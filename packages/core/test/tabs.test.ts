import { createFakeChatService, createTabHub } from '@chat-session/testing'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakePage } from './_fakePage'
import { harness, loginNow, settle } from './_harness'
import { makeSig, SDK_APP_ID, SECRET_KEY } from './_sig'
import { browser } from './_tabs'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Tab A signed in as alice, then tab B of the same browser signed in as alice too (A is then paused). */
async function takenOver(options: Parameters<typeof browser>[0] = {}) {
  const { open, service } = browser(options)
  const a = open()
  const b = open()
  await loginNow(a, 'alice')
  await loginNow(b, 'alice')
  await settle(100)
  return { a, b, service }
}

const live = (...tabs: { snapshot(): { status: string } }[]) => tabs.map((t) => t.snapshot().status)

describe('follow-the-focus tabs', () => {
  it('a tab that loses the session to its own other tab pauses quietly: no dialog, no fetch, no failure', async () => {
    const { a, b } = await takenOver()
    expect(a.snapshot()).toMatchObject({
      status: 'paused',
      userID: 'alice',
      kicked: null,
      recovery: null,
      error: null,
    })
    expect(a.events).toEqual(['logged-in', 'paused'])
    expect(a.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(b.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice' })
    await settle(60_000)
    expect(a.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(a.sdkLogins).toEqual(['alice'])
  })

  it('a pointer or key press in the paused tab takes the session back at once, with the sig it holds', async () => {
    const { a, b } = await takenOver()
    a.page.engaged()
    await settle(100)
    expect(live(a, b)).toEqual(['logged-in', 'paused'])
    expect(a.sdkLogins).toEqual(['alice', 'alice'])
    expect(a.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(b.events).toEqual(['logged-in', 'paused'])
    expect(a.events).toEqual(['logged-in', 'paused', 'logged-in'])
    // Pressing keys in the live tab does nothing more.
    a.page.engaged()
    a.page.focus(true)
    await settle(2_000)
    expect(a.sdkLogins).toHaveLength(2)
  })

  it('focus that lasts takes the session back; a glance (alt-tab flicker) does not', async () => {
    const { a, b } = await takenOver()
    a.page.focus(true)
    await settle(300)
    a.page.focus(false)
    await settle(5_000)
    expect(live(a, b)).toEqual(['paused', 'logged-in'])
    a.page.focus(true)
    await settle(1_000)
    expect(live(a, b)).toEqual(['logged-in', 'paused'])
    expect(a.sdkLogins).toHaveLength(2)
  })

  it('"Use here" (retry) takes the session back from a paused tab', async () => {
    const { a, b } = await takenOver()
    await Promise.all([a.session.retry(), settle(100)])
    expect(live(a, b)).toEqual(['logged-in', 'paused'])
  })

  it('switching between five tabs: always one live tab, the one in use; one login per switch, no dialog', async () => {
    const { open, service } = browser()
    const tabs = Array.from({ length: 5 }, open)
    for (const tab of tabs) await loginNow(tab, 'alice')
    await settle(100)
    expect(live(...tabs)).toEqual(['paused', 'paused', 'paused', 'paused', 'logged-in'])
    const order = [0, 3, 1, 4, 2, 2, 0, 1, 3, 4, 0]
    let switches = 0
    let last = 4
    for (const i of order) {
      tabs[i]!.page.engaged()
      await settle(200)
      if (i !== last) switches++
      last = i
      expect(live(...tabs).filter((s) => s === 'logged-in')).toHaveLength(1)
      expect(tabs[i]!.snapshot().status).toBe('logged-in')
      expect(service.sessions().alice ?? 0).toBe(1)
    }
    const logins = tabs.reduce((n, t) => n + t.sdkLogins.length, 0)
    expect(logins).toBe(5 + switches)
    for (const tab of tabs) {
      expect(tab.events).not.toContain('kicked')
      expect(tab.fetchUserSig).toHaveBeenCalledTimes(1)
    }
  })

  it('two tabs signing in at the same moment: one live, one paused, no dialog (Web Locks take turns)', async () => {
    const { open } = browser()
    const a = open()
    const b = open()
    const outcomes = await Promise.all([
      a.session.login('alice').catch((e: Error) => e.message),
      b.session.login('alice').catch((e: Error) => e.message),
      settle(200),
    ])
    // The lock makes them take turns. The first's login() resolves, or, when the second's login lands before the
    // first one's SDK_READY, it is told `superseded` as that tab pauses: never any other error.
    expect(outcomes.slice(0, 2).filter((o) => o !== undefined).length).toBeLessThanOrEqual(1)
    for (const outcome of outcomes.slice(0, 2)) expect([undefined, 'superseded']).toContain(outcome)
    expect(live(a, b).sort()).toEqual(['logged-in', 'paused'])
    expect([...a.events, ...b.events]).not.toContain('kicked')
    expect(a.maxInFlight() + b.maxInFlight()).toBe(2)
  })

  it('without Web Locks the notes alone still turn a takeover into a pause', async () => {
    const { a, b } = await takenOver({ locks: false })
    expect(live(a, b)).toEqual(['paused', 'logged-in'])
  })

  it('signing out in the live tab signs out the tabs paused for that user: none brings the session back', async () => {
    const { a, b, service } = await takenOver()
    await Promise.all([b.session.logout(), settle(100)])
    expect(live(a, b)).toEqual(['logged-out', 'logged-out'])
    expect(a.events.at(-1)).toBe('logged-out')
    a.page.focus(true)
    a.page.engaged()
    await settle(2_000)
    expect(a.sdkLogins).toHaveLength(1)
    expect(service.sessions().alice ?? 0).toBe(0)
  })

  it('a paused tab whose sig expired meanwhile fetches a new one when it takes over', async () => {
    let n = 0
    const service = createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
    const hub = createTabHub()
    const page = fakePage()
    const a = harness({
      service,
      fetchUserSig: async (userID) => makeSig(userID, n++ === 0 ? 3600 : 7 * 86400),
      session: { tabChannel: hub.link(), pageSignals: page.pageSignals },
    })
    const b = harness({ service, session: { tabChannel: hub.link() } })
    await loginNow(a, 'alice')
    await loginNow(b, 'alice')
    await settle(100)
    expect(a.snapshot().status).toBe('paused')
    await vi.advanceTimersByTimeAsync(2 * 3600_000)
    expect(a.fetchUserSig).toHaveBeenCalledTimes(1)
    page.engaged()
    await settle(500)
    expect(a.snapshot().status).toBe('logged-in')
    expect(a.fetchReasons()).toEqual(['login', 'expired'])
    expect(a.events).not.toContain('kicked')
  })

  it('a kick by another device still asks, even with tabs linked', async () => {
    const { open, service } = browser()
    const a = open()
    await loginNow(a, 'alice')
    service.kick('alice', 'multi-device')
    await settle(100)
    expect(a.snapshot()).toMatchObject({ status: 'logged-out', recovery: { reason: 'kicked' } })
    expect(a.events).toContain('kicked')
  })

  it('a tab of another browser (no shared channel) signing in still asks, as today', async () => {
    const { open, service } = browser()
    const a = open()
    const elsewhere = harness({ service })
    await loginNow(a, 'alice')
    await loginNow(elsewhere, 'alice')
    await settle(100)
    expect(a.snapshot()).toMatchObject({
      status: 'logged-out',
      kicked: { reason: 'multi-account', fromThisBrowser: false },
    })
  })

  it("`tabs: 'ask'` keeps the dialog, saying it was this browser's other tab", async () => {
    const { a } = await takenOver({ tabs: 'ask' })
    expect(a.snapshot()).toMatchObject({
      status: 'logged-out',
      kicked: { reason: 'multi-account', fromThisBrowser: true },
    })
    a.page.engaged()
    await settle(1_000)
    expect(a.sdkLogins).toHaveLength(1)
  })

  it('an app with multi-instance login (no kicks between tabs) sees no change: every tab stays signed in', async () => {
    // Two services share nothing, so neither login kicks the other: what multi-instance login does.
    const hub = createTabHub()
    const tabs = [0, 1].map(() => {
      const page = fakePage()
      const service = createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
      const h = harness({ service, session: { tabChannel: hub.link(), pageSignals: page.pageSignals } })
      return { ...h, page }
    })
    for (const tab of tabs) await loginNow(tab, 'alice')
    await settle(100)
    tabs[0]!.page.focus(true)
    tabs[0]!.page.engaged()
    await settle(2_000)
    expect(live(...tabs)).toEqual(['logged-in', 'logged-in'])
    expect(tabs.map((t) => t.sdkLogins.length)).toEqual([1, 1])
    expect(tabs.flatMap((t) => t.events)).toEqual(['logged-in', 'logged-in'])
  })

  it('the live tab closing leaves the paused one able to take over at once', async () => {
    const { a, b, service } = await takenOver()
    b.session.dispose()
    b.chat.destroy()
    a.page.engaged()
    await settle(500)
    expect(a.snapshot().status).toBe('logged-in')
    expect(service.sessions()).toEqual({ alice: 1 })
  })
})
