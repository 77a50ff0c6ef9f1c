import type { Page } from '@playwright/test'
import { badge, dialogsOpened, expect, expectOnline, recordDialogs, test, uniqueUser } from './_demo'

// Follow-the-focus tabs with the real SDK against the demo's local gateway: pages of ONE browser context are
// tabs of one browser. Each switch brings a tab to the front and presses a key or a pointer in it, as a user
// coming back to it does. Measured: how long until that tab is live (printed and attached, not asserted: a
// benchmark figure). Asserted: no dialog ever, the tab in use is the live one, the others paused, exactly one
// gateway session of the user at every sample, SDK logins equal to takeovers, no UserSig fetch for a takeover.

const SWITCHES = 20

interface Tab {
  readonly page: Page
  /** Fresh SDK logins this page sent (wslogin frames carrying a UserSig; silent re-logins carry none). */
  logins: number
}

/** Counts the fresh SDK logins `page` sends, from now on. */
function watchLogins(page: Page): Tab {
  const tab: Tab = { page, logins: 0 }
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8')
      if (text.includes('wslogin') && text.includes('usersig')) tab.logins++
    }),
  )
  return tab
}

async function openTab(page: Page, user: string): Promise<Tab> {
  const tab = watchLogins(page)
  await page.goto(`/?user=${user}`)
  await expectOnline(page, user)
  await recordDialogs(page)
  return tab
}

/** Samples the gateway's session count for `user` every 50 ms until stopped. */
function sampleSessions(adminUrl: string, user: string) {
  const counts: number[] = []
  let running = true
  const loop = (async () => {
    while (running) {
      const res = await fetch(`${adminUrl}/sessions`)
      const { sessions } = (await res.json()) as { sessions: Record<string, number> }
      counts.push(sessions[user] ?? 0)
      await new Promise((r) => setTimeout(r, 50))
    }
  })()
  return {
    counts,
    stop: async () => {
      running = false
      await loop
    },
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

for (const count of [2, 5]) {
  test(`${count} tabs of one browser: ${SWITCHES} switches, the tab in use is live each time, no dialog`, async ({
    page,
    userSigRequests,
  }, testInfo) => {
    test.setTimeout(180_000)
    const user = uniqueUser(`tabs${count}`)
    const tabs: Tab[] = [await openTab(page, user)]
    for (let i = 1; i < count; i++) {
      tabs.push(await openTab(await page.context().newPage(), user))
      // The newest tab took the session; the one before it paused quietly.
      await expect(badge(tabs[i - 1]!.page)).toHaveAttribute('data-state', 'paused')
    }
    const { adminUrl } = (await (await page.request.get('/api/config')).json()) as { adminUrl: string }
    const sampler = sampleSessions(adminUrl, user)

    let live = count - 1
    const took: number[] = []
    for (let n = 0; n < SWITCHES; n++) {
      const next = count === 2 ? 1 - live : (live + 1 + ((n * 7) % (count - 1))) % count
      const { page: target } = tabs[next]!
      await target.bringToFront()
      const started = Date.now()
      // Half the switches come back with a key press, half with a pointer press on the page's background.
      if (n % 2 === 0) await target.keyboard.press('Shift')
      else await target.mouse.click(2, 2)
      await expect(badge(target)).toHaveAttribute('data-state', 'logged-in', { timeout: 10_000 })
      took.push(Date.now() - started)
      await expect(badge(tabs[live]!.page)).toHaveAttribute('data-state', 'paused')
      live = next
    }
    await sampler.stop()

    const summary = `${count} tabs, ${SWITCHES} switches: live after a median ${median(took)} ms, max ${Math.max(...took)} ms`
    console.log(summary)
    testInfo.annotations.push({ type: 'takeover', description: `${summary} (${took.join(', ')})` })
    for (const tab of tabs) expect(await dialogsOpened(tab.page)).toBe(0)
    for (const [i, tab] of tabs.entries())
      if (i !== live) await expect(badge(tab.page)).toHaveAttribute('data-state', 'paused')
    expect(sampler.counts.length).toBeGreaterThan(10)
    expect(sampler.counts.filter((c) => c !== 1)).toEqual([])
    // One login per takeover (plus each tab's first), and no UserSig fetch for a takeover.
    expect(tabs.reduce((sum, tab) => sum + tab.logins, 0)).toBe(count + SWITCHES)
    for (const tab of tabs) expect(userSigRequests(tab.page)).toHaveLength(1)
    for (const tab of tabs.slice(1)) await tab.page.close()
  })
}

test('the live tab closing hands nothing broken: a paused tab takes over on the first key press', async ({
  page,
}) => {
  const user = uniqueUser('tabsclose')
  const first = await openTab(page, user)
  const second = await openTab(await page.context().newPage(), user)
  const third = await openTab(await page.context().newPage(), user)
  await expect(badge(second.page)).toHaveAttribute('data-state', 'paused')
  await third.page.close()
  await first.page.bringToFront()
  await first.page.keyboard.press('Shift')
  await expectOnline(first.page, user)
  await expect(badge(second.page)).toHaveAttribute('data-state', 'paused')
  for (const tab of [first, second]) expect(await dialogsOpened(tab.page)).toBe(0)
  await second.page.close()
})

test('a tab opened in the background does not take the session from the tab in use; it takes over when visited', async ({
  page,
}) => {
  const user = uniqueUser('tabsbg')
  const first = await openTab(page, user)
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { badgeStates: string[] }).badgeStates = seen
    const badge = document.querySelector('.csk-badge')!
    new MutationObserver(() => seen.push(badge.getAttribute('data-state') ?? '')).observe(badge, {
      attributeFilter: ['data-state'],
    })
  })
  const { adminUrl } = (await (await page.request.get('/api/config')).json()) as { adminUrl: string }
  const sampler = sampleSessions(adminUrl, user)

  // Headless Chromium shows every page: the new one is made a background tab (hidden, unfocused) before the app
  // loads, as a middle-click or "open in new tab" leaves it, until the user goes to it.
  const background = await page.context().newPage()
  await background.addInitScript(() => {
    const w = window as unknown as { shown: boolean }
    w.shown = false
    Object.defineProperty(document, 'visibilityState', { get: () => (w.shown ? 'visible' : 'hidden') })
    Object.defineProperty(document, 'hidden', { get: () => !w.shown })
    document.hasFocus = () => w.shown
  })
  const second = watchLogins(background)
  await background.goto(`/?user=${user}`)
  await recordDialogs(background)
  // Never signed in here, it shows the sign-in screen with the paused notice (the demo's shell has the badge).
  await expect(background.getByRole('status').filter({ hasText: 'Chat is open in another tab' })).toBeVisible(
    { timeout: 20_000 },
  )
  await page.waitForTimeout(1_000)
  await expectOnline(page, user)
  expect(second.logins).toBe(0)
  // The tab in use never left 'logged-in' while the other one loaded.
  const badgeStates = () => page.evaluate(() => (window as unknown as { badgeStates: string[] }).badgeStates)
  expect(await badgeStates()).toEqual([])

  // The user goes to it: it becomes visible and focused, and after the dwell it is the live one.
  await background.bringToFront()
  await background.evaluate(() => {
    ;(window as unknown as { shown: boolean }).shown = true
    document.dispatchEvent(new Event('visibilitychange'))
    window.dispatchEvent(new Event('focus'))
  })
  await expectOnline(background, user)
  await expect(badge(page)).toHaveAttribute('data-state', 'paused')
  await sampler.stop()

  expect(second.logins).toBe(1)
  expect(first.logins).toBe(1)
  expect((await badgeStates()).at(-1)).toBe('paused')
  expect(sampler.counts.filter((c) => c !== 1)).toEqual([])
  for (const tab of [first, second]) expect(await dialogsOpened(tab.page)).toBe(0)
  await background.close()
})
