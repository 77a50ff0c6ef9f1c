import { expect, test } from '@playwright/test'

const admin = `http://127.0.0.1:${process.env.GATEWAY_PORT}/__admin`

test('a fresh app from the packed packages signs in, is kicked by another device, signs in again and out', async ({
  page,
  request,
}) => {
  const sessions = async () =>
    ((await (await request.get(`${admin}/sessions`)).json()) as { sessions: object }).sessions

  await page.goto('/')
  await page.getByLabel('User ID').fill('alice')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Signed in as alice')).toBeVisible()
  expect(await sessions()).toEqual({ alice: 1 })

  const kick = await request.post(`${admin}/kick`, { data: { userID: 'alice', type: 'multi-device' } })
  expect(await kick.json()).toEqual({ kicked: 1 })
  const dialog = page.getByRole('alertdialog', { name: 'Signed in on another device' })
  await expect(dialog).toBeVisible()
  await expect(page.getByText('Signed in as alice')).toBeHidden()

  await dialog.getByRole('button', { name: 'Sign in again' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Signed in as alice')).toBeVisible()
  await expect.poll(sessions).toEqual({ alice: 1 })

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByLabel('User ID')).toBeVisible()
  await expect.poll(sessions).toEqual({})
})

test('two tabs of one browser: the first pauses quietly, a key press there takes the session back', async ({
  page,
  request,
}) => {
  const sessions = async () =>
    ((await (await request.get(`${admin}/sessions`)).json()) as { sessions: object }).sessions
  const signIn = async (tab: typeof page) => {
    await tab.goto('/')
    await tab.getByLabel('User ID').fill('tabs')
    await tab.getByRole('button', { name: 'Sign in' }).click()
    await expect(tab.getByText('Signed in as tabs')).toBeVisible()
  }
  await signIn(page)
  const second = await page.context().newPage()
  await signIn(second)

  // The packed kit's defaults: no dialog for this browser's own tab, a polite notice, one session.
  await expect(page.getByRole('status').filter({ hasText: 'Chat is open in another tab' })).toBeVisible()
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  await expect.poll(sessions).toEqual({ tabs: 1 })

  await page.bringToFront()
  await page.keyboard.press('Shift')
  await expect(page.getByText('Signed in as tabs')).toBeVisible()
  await expect(second.getByRole('status').filter({ hasText: 'Chat is open in another tab' })).toBeVisible()
  await expect(second.getByRole('alertdialog')).toHaveCount(0)
  await expect.poll(sessions).toEqual({ tabs: 1 })
  await second.close()
})

test('a sign-in the server receives and never answers: the kit tries again on a fresh SDK instance at its own timeout', async ({
  page,
  request,
}) => {
  const sessions = async () =>
    ((await (await request.get(`${admin}/sessions`)).json()) as { sessions: object }).sessions
  // The next login reaches the gateway and is never answered; the SDK alone would wait 90 s for it.
  await request.post(`${admin}/hang-next-login`)
  let sockets = 0
  page.on('websocket', () => sockets++)
  await page.goto('/')
  await page.getByLabel('User ID').fill('unanswered')
  await page.getByRole('button', { name: 'Sign in' }).click()
  // The form stays busy while the session keeps trying: no error for an attempt it will retry.
  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeVisible()
  // The README's factory `chat` lets the kit drop the stuck instance at its 15 s login timeout.
  await expect(page.getByText('Signed in as unanswered')).toBeVisible({ timeout: 30_000 })
  // The stuck instance's socket and the fresh one's; only the fresh one is left open.
  expect(sockets).toBe(2)
  const status = async () => (await (await request.get(`${admin}/status`)).json()) as { connections: number }
  await expect.poll(async () => (await status()).connections).toBe(1)
  await expect.poll(sessions).toEqual({ unanswered: 1 })
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
})
