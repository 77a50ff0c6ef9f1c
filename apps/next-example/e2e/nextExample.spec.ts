import { readFileSync } from 'node:fs'
import { verifyUserSig } from '@chat-session/testing'
import { expect, type Page, test } from '@playwright/test'
import { PROXY_SERVER, SDK_APP_ID } from '../chatConfig'
import { DEV_SECRET_KEY } from '../lib/devSecret'

// The local gateway the example's server started (instrumentation.ts); its admin routes show who is online.
const gatewayAdmin = `${(PROXY_SERVER ?? 'ws://missing').replace(/^ws/, 'http')}/__admin`

async function onlineSessions(page: Page): Promise<Record<string, number>> {
  const res = await page.request.get(`${gatewayAdmin}/sessions`)
  expect(res.ok()).toBe(true)
  return ((await res.json()) as { sessions: Record<string, number> }).sessions
}

/** Console errors and uncaught page errors from the moment the page starts loading. */
function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`))
  return errors
}

// React's production hydration errors are minified: #418 (text/tree mismatch), #423, #425.
const HYDRATION = /hydrat|Minified React error #(418|423|425)/i

test('the server renders the signed-out form, and the page hydrates without a warning', async ({ page }) => {
  const html = await (await page.request.get('/')).text()
  // The provider rendered on the server (the signed-out form) and created no SDK instance there.
  expect(html).toContain('User ID')
  expect(html).toContain('SDK instance: none yet')
  expect(html).not.toContain(DEV_SECRET_KEY)

  const errors = collectErrors(page)
  await page.goto('/')
  await expect(page.getByText('SDK instance: created in this browser.')).toBeVisible()
  // The page is interactive: typing reaches React's state (a dead, unhydrated form would not validate).
  await page.getByLabel('User ID').fill('a b')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByLabel('User ID')).toHaveAttribute('aria-invalid', 'true')
  expect(errors.filter((text) => HYDRATION.test(text))).toEqual([])
})

test('signs in and out with the real SDK against the local gateway', async ({ page }) => {
  const errors = collectErrors(page)
  await page.goto('/')
  await page.getByLabel('User ID').fill('alice')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Signed in as alice')).toBeVisible()
  await expect.poll(async () => (await onlineSessions(page)).alice).toBe(1)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await expect.poll(async () => (await onlineSessions(page)).alice ?? 0).toBe(0)
  expect(errors.filter((text) => HYDRATION.test(text))).toEqual([])
})

test('the edge route is built for the edge runtime, the other for Node.js', () => {
  // Next lists the routes it built for the edge runtime in this manifest; Node.js routes are not in it.
  const manifest = JSON.parse(
    readFileSync(new URL('../.next/server/middleware-manifest.json', import.meta.url), 'utf8'),
  ) as { functions: Record<string, unknown> }
  expect(Object.keys(manifest.functions)).toEqual(['/api/usersig-edge/route'])
})

for (const route of ['/api/usersig', '/api/usersig-edge']) {
  test(`${route} answers a UserSig the gateway accepts`, async ({ request }) => {
    const res = await request.post(route, { data: { userID: 'bob' } })
    expect(res.status()).toBe(200)
    expect(res.headers()['cache-control']).toContain('no-store')
    const body = (await res.json()) as { userSig: string; expiresAt: number }
    const verdict = await verifyUserSig(body.userSig, {
      sdkAppId: SDK_APP_ID,
      secretKey: DEV_SECRET_KEY,
      userID: 'bob',
    })
    expect(verdict).toMatchObject({ ok: true, identifier: 'bob', sdkAppId: SDK_APP_ID })
    expect(verdict.ok && verdict.expiresAt).toBe(body.expiresAt)

    const refused = await request.post(route, { data: { userID: 'a b' } })
    expect(refused.status()).toBe(400)
  })
}
