/**
 * Fixtures and helpers for the demo's e2e tests. Every page a test opens (through `page` or `openPage`) is
 * watched: the UserSigs the endpoint hands out are recorded, and at the end of the test none of them, nor the
 * development secret, may appear in the console, in a URL or in the DOM.
 */
import { type Browser, test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test'
import { DEV_SECRET_KEY } from '../apps/demo/server/demoConfig'

export { expect }

interface Watch {
  readonly page: Page
  readonly sigs: Set<string>
  readonly console: string[]
  readonly urls: string[]
  /** `/api/usersig` requests, with the time they were sent. */
  readonly userSigRequests: number[]
}

interface Fixtures {
  /** A new browser context (a separate "device") with a watched page. */
  openPage: () => Promise<Page>
  /** The `/api/usersig` requests a page sent so far (times, ms). */
  userSigRequests: (page: Page) => readonly number[]
}

const watches = new WeakMap<Page, Watch>()

function watch(page: Page): Watch {
  const w: Watch = { page, sigs: new Set(), console: [], urls: [], userSigRequests: [] }
  watches.set(page, w)
  page.on('console', (message) => w.console.push(message.text()))
  page.on('pageerror', (error) => w.console.push(`pageerror ${error.message}`))
  page.on('request', (request) => {
    w.urls.push(request.url())
    if (new URL(request.url()).pathname === '/api/usersig') w.userSigRequests.push(Date.now())
  })
  page.on('framenavigated', (frame) => w.urls.push(frame.url()))
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname !== '/api/usersig' || response.status() !== 200) return
    try {
      const body = (await response.json()) as { userSig?: unknown }
      if (typeof body.userSig === 'string') w.sigs.add(body.userSig)
    } catch {
      // The page navigated away before the body was read; nothing to record.
    }
  })
  return w
}

async function checkHygiene(watched: readonly Watch[]): Promise<void> {
  const sigs = watched.flatMap((w) => [...w.sigs])
  const secrets = [DEV_SECRET_KEY, ...sigs]
  for (const w of watched) {
    for (const line of w.console) for (const secret of secrets) expect(line).not.toContain(secret)
    for (const url of w.urls) for (const secret of secrets) expect(url).not.toContain(secret)
    if (!w.page.isClosed()) {
      const html = await w.page.content()
      for (const secret of secrets) expect(html).not.toContain(secret)
    }
  }
}

export const test = base.extend<Fixtures>({
  page: async ({ page }, use) => {
    const watched = [watch(page)]
    // Tabs the page opens (the developer panel's second-tab link) are watched too.
    page.context().on('page', (tab) => watched.push(watch(tab)))
    await use(page)
    await checkHygiene(watched)
  },
  openPage: async ({ browser }, use) => {
    const opened: Watch[] = []
    await use(async () => {
      const context = await (browser as Browser).newContext()
      context.on('page', (tab) => opened.push(watch(tab)))
      return await context.newPage()
    })
    await checkHygiene(opened)
    for (const w of opened) await w.page.context().close()
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
  userSigRequests: async ({}, use) => {
    await use((page) => watches.get(page)?.userSigRequests ?? [])
  },
})

/** The UserSigs a page received so far (to check the hygiene check has something to look for). */
export function seenSigs(page: Page): ReadonlySet<string> {
  return watches.get(page)?.sigs ?? new Set()
}

/** A UserID no other test (or earlier run against the same gateway) uses: at most 32 of `[A-Za-z0-9_-]`. */
export function uniqueUser(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.slice(0, 32)
}

export const badge = (page: Page): Locator => page.locator('.csk-badge')
export const banner = (page: Page): Locator => page.locator('.csk-banner')
export const dialog = (page: Page): Locator => page.getByRole('alertdialog')

/** Opens the demo (at `baseURL` or `origin`), types the user into the kit's LoginForm and waits for "Online". */
export async function signIn(page: Page, userID: string, origin = ''): Promise<void> {
  await page.goto(`${origin}/`)
  await page.getByLabel('User ID').fill(userID)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expectOnline(page, userID)
}

export async function expectOnline(page: Page, userID: string): Promise<void> {
  await expect(badge(page)).toHaveAttribute('data-state', 'logged-in', { timeout: 20_000 })
  await expect(badge(page)).toHaveText('Online')
  await expect(page.getByTestId('current-user')).toHaveText(new RegExp(`${userID}$`))
}

/** Opens the developer panel (development builds only). */
export async function devPanel(page: Page): Promise<Locator> {
  const panel = page.getByTestId('dev-panel')
  await panel.getByText('Developer panel').click()
  await expect(panel.getByRole('button', { name: 'Drop the connection' })).toBeVisible()
  return panel
}

/** Saves a screenshot of the step under the test's output folder and attaches it to the report. */
export async function step(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const path = testInfo.outputPath(`${String(testInfo.attachments.length + 1).padStart(2, '0')}-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
  return path
}

/**
 * Records every `data-state` the connection banner takes from now on, in the page itself, so a banner that
 * shows for a moment between two polls is still seen.
 */
export async function recordBanner(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { bannerStates: string[] }).bannerStates = seen
    const target = document.querySelector('.csk-banner')
    if (!target) throw new Error('no connection banner on the page')
    new MutationObserver(() => seen.push(target.getAttribute('data-state') ?? '')).observe(target, {
      attributes: true,
      attributeFilter: ['data-state'],
    })
  })
}

export function bannerStates(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { bannerStates: string[] }).bannerStates])
}

/** Records whether any modal dialog opens from now on. */
export async function recordDialogs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { dialogsOpened: number }
    w.dialogsOpened = 0
    new MutationObserver(() => {
      if (document.querySelector('[role="alertdialog"]')) w.dialogsOpened++
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })
}

export function dialogsOpened(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { dialogsOpened: number }).dialogsOpened)
}
