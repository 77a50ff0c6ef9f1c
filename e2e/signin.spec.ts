import { badge, expect, seenSigs, signIn, step, test } from './_demo'

test('signing in from the LoginForm shows the chat, and the badge says Online', async ({
  page,
}, testInfo) => {
  // A plain name for the screenshot: every run starts its own demo servers, and no other test uses it.
  const user = 'alice'
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Lantern Chat' })).toBeVisible()
  await expect(badge(page)).toHaveCount(0)
  await step(page, testInfo, 'sign-in-screen')

  await signIn(page, user)
  await expect(page.getByRole('heading', { name: 'No conversation open' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Messages' }).getByRole('listitem')).toHaveCount(0)
  await expect(page.getByTestId('sig-expiry')).toHaveText(/^Chat credential valid until /)
  await step(page, testInfo, 'signed-in')
  // The fixture saw the sig go by, so its check that no sig reaches the console, a URL or the DOM is real.
  expect(seenSigs(page).size).toBe(1)

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByLabel('User ID')).toBeVisible()
})

test('an invalid UserID is refused in the form, before anything is sent', async ({ page }, testInfo) => {
  let userSigRequests = 0
  page.on('request', (request) => {
    if (request.url().endsWith('/api/usersig')) userSigRequests++
  })
  await page.goto('/')
  await page.getByLabel('User ID').fill('not valid!')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByLabel('User ID')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText(/^Use only letters/)).toBeVisible()
  await step(page, testInfo, 'invalid-user-id')
  expect(userSigRequests).toBe(0)
})
