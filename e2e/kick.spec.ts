import { badge, devPanel, dialog, expect, expectOnline, signIn, step, test, uniqueUser } from './_demo'

test('the same user signing in on a second browser kicks the first; "Sign in again" takes it back', async ({
  openPage,
}, testInfo) => {
  // A plain name for the screenshot: every run starts its own demo servers, and no other test uses it.
  const user = 'kim'
  const first = await openPage()
  const second = await openPage()

  await signIn(first, user)
  await step(first, testInfo, 'first-online')

  await signIn(second, user)
  const kicked = dialog(first)
  await expect(kicked).toBeVisible()
  await expect(kicked).toHaveAttribute('data-reason', 'multi-account')
  await expect(kicked.getByRole('heading')).toHaveText('Chat opened elsewhere')
  await expect(kicked).toContainText(`${user} opened chat in another browser tab or window`)
  await expect(first.locator('.csk-badge')).toHaveAttribute('data-state', 'logged-out')
  // The safe choice has the focus, and the dialog does not go away with Escape.
  await expect(kicked.getByRole('button', { name: 'Sign out' })).toBeFocused()
  await first.keyboard.press('Escape')
  await expect(kicked).toBeVisible()
  await expect(dialog(second)).toHaveCount(0)
  await step(first, testInfo, 'first-kicked')

  await kicked.getByRole('button', { name: 'Sign in again' }).click()
  await expectOnline(first, user)
  await expect(dialog(first)).toHaveCount(0)

  const kickedBack = dialog(second)
  await expect(kickedBack).toBeVisible()
  await expect(kickedBack).toHaveAttribute('data-reason', 'multi-account')
  await expect(kickedBack).toContainText(user)
  await step(second, testInfo, 'second-kicked')
  await step(first, testInfo, 'first-back-online')

  await kickedBack.getByRole('button', { name: 'Sign out' }).click()
  await expect(second.getByLabel('User ID')).toBeVisible()
  await expect(second.locator('.csk-badge')).toHaveCount(0)
  await expectOnline(first, user)
})

test("the developer panel's second-tab link: a tab of the same browser takes the session over", async ({
  page,
}, testInfo) => {
  const user = uniqueUser('tabs')
  await signIn(page, user)
  const panel = await devPanel(page)
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    panel.getByRole('link', { name: `Open ${user} in a second tab` }).click(),
  ])
  await expectOnline(tab, user)
  // The sign-in link does not stay in the address bar.
  expect(new URL(tab.url()).search).toBe('')

  // The tabs told each other over BroadcastChannel: the first tab knows it was this browser's other tab and
  // pauses quietly, a polite notice instead of a dialog.
  await expect(badge(page)).toHaveAttribute('data-state', 'paused')
  await expect(page.getByRole('status').filter({ hasText: 'Chat is open in another tab' })).toHaveCount(1)
  await expect(dialog(page)).toHaveCount(0)
  await step(page, testInfo, 'first-tab-paused')
  await page.getByRole('button', { name: 'Use here' }).click()
  await expectOnline(page, user)
  await expect(badge(tab)).toHaveAttribute('data-state', 'paused')
  await expect(dialog(tab)).toHaveCount(0)
  await tab.close()
})
