import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loginNow, settle } from './_harness'
import { browser } from './_tabs'

// A tab the user is not in (opened in the background, or a window behind another) signing in while another tab
// of this browser is live for the same user: under follow-focus it must not take the session from the tab in
// use. It pauses with the sig it fetched, and takes over when the user comes to it.

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Tab A signed in as alice and in use; tab B of the same browser opened behind it, not signed in yet. */
async function liveAndBehind(options: Parameters<typeof browser>[0] = {}) {
  const world = browser(options)
  const a = world.open()
  await loginNow(a, 'alice')
  return { ...world, a, b: world.open({ focused: false }) }
}

const statuses = (...tabs: { snapshot(): { status: string } }[]) => tabs.map((t) => t.snapshot().status)

describe('a tab opened in the background', () => {
  it('pauses instead of taking the session from the live tab: no SDK login, no note, the live tab untouched', async () => {
    const { a, b, service, hub } = await liveAndBehind()
    const notes = hub.notes.length
    const login = b.session.login('alice')
    const outcome = login.then(
      () => 'resolved',
      (error: { kind: string }) => error.kind,
    )
    await settle(200)
    expect(statuses(a, b)).toEqual(['logged-in', 'paused'])
    expect(b.snapshot()).toMatchObject({ userID: 'alice', kicked: null, recovery: null, error: null })
    expect(b.sdkLogins).toEqual([])
    expect(b.events).toEqual(['paused'])
    expect(a.events).toEqual(['logged-in'])
    expect(hub.notes.slice(notes)).toEqual([])
    expect(service.sessions()).toEqual({ alice: 1 })
    // The app's login() is told that the session is another tab's, and the UserSig is held for the takeover.
    expect(await outcome).toBe('superseded')
    expect(b.fetchUserSig).toHaveBeenCalledTimes(1)
  })

  it('takes over when the user comes to it, with the sig it fetched; the other tab then pauses', async () => {
    const { a, b, service } = await liveAndBehind()
    b.session.login('alice').catch(() => {})
    await settle(200)
    expect(statuses(a, b)).toEqual(['logged-in', 'paused'])
    b.page.focus(true)
    await settle(1_500)
    expect(statuses(a, b)).toEqual(['paused', 'logged-in'])
    expect(b.sdkLogins).toEqual(['alice'])
    expect(b.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(a.events).not.toContain('kicked')
    expect(service.sessions()).toEqual({ alice: 1 })
  })

  it('a press or "Use here" in it takes over even where the page never says it is focused (an iframe)', async () => {
    const { a, b } = await liveAndBehind()
    b.session.login('alice').catch(() => {})
    await settle(200)
    b.page.engaged()
    await settle(500)
    expect(statuses(a, b)).toEqual(['paused', 'logged-in'])
    a.page.focus(false)
    await Promise.all([a.session.retry(), settle(500)])
    expect(statuses(a, b)).toEqual(['logged-in', 'paused'])
  })

  it('signs in when no other tab is live for the user (the only tab, or the live one closed)', async () => {
    const { open, service } = browser()
    const a = open()
    await loginNow(a, 'alice')
    a.session.dispose()
    a.chat.destroy()
    const b = open({ focused: false })
    await loginNow(b, 'alice')
    expect(b.snapshot().status).toBe('logged-in')
    const c = open({ focused: false })
    await loginNow(c, 'bob')
    expect(c.snapshot().status).toBe('logged-in')
    expect(service.sessions()).toEqual({ alice: 1, bob: 1 })
  })

  it('a live tab the user left (another window in front) still renews its own session', async () => {
    const { open } = browser()
    const a = open()
    await loginNow(a, 'alice')
    a.page.focus(false)
    a.chat.fake.expireSig()
    await settle(500)
    expect(a.snapshot().status).toBe('logged-in')
    expect(a.fetchReasons()).toEqual(['login', 'expired'])
    expect(a.sdkLogins).toEqual(['alice', 'alice'])
  })

  it("under `tabs: 'ask'` it signs in as before (and the tab in use gets the dialog)", async () => {
    const { a, b } = await liveAndBehind({ tabs: 'ask' })
    await loginNow(b, 'alice')
    await settle(100)
    expect(statuses(a, b)).toEqual(['logged-out', 'logged-in'])
    expect(a.snapshot().kicked).toMatchObject({ reason: 'multi-account', fromThisBrowser: true })
  })

  it('without Web Locks (no way to know a tab is live) it signs in as before; the tab in use pauses', async () => {
    const { a, b } = await liveAndBehind({ locks: false })
    await loginNow(b, 'alice')
    await settle(100)
    expect(statuses(a, b)).toEqual(['paused', 'logged-in'])
  })
})
