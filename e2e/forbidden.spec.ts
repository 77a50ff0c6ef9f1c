import { devPanel, dialog, expect, signIn, step, test, uniqueUser } from './_demo'

test('when the UserSig endpoint answers 403, the expired dialog asks to sign in again', async ({
  page,
}, testInfo) => {
  const user = uniqueUser('forbid')
  await signIn(page, user)
  const panel = await devPanel(page)

  await panel.getByLabel('UserSig endpoint answers 403 for this user').check()
  await expect(panel.getByTestId('dev-note')).toHaveText(/^UserSig endpoint now answers 403/)
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/usersig') && r.status() === 403)
  await panel.getByRole('button', { name: 'Expire my UserSig now' }).click()

  // The engine sees the expiry on the next heartbeat, asks for a new sig, is refused (terminal: no retry
  // loop) and leaves the decision to the user.
  const answer = await refused
  expect(await answer.json()).toMatchObject({ error: 'forbidden' })
  const expired = dialog(page)
  await expect(expired).toBeVisible()
  await expect(expired.getByRole('heading')).toHaveText('Session expired')
  await expect(expired).toContainText('Your sign-in is no longer valid. Sign in again to keep chatting.')
  await expect(expired).toHaveAttribute('data-reason', 'forbidden')
  await step(page, testInfo, 'expired-forbidden')

  await expired.getByRole('button', { name: 'Sign in' }).click()
  await expect(dialog(page)).toHaveCount(0)
  await expect(page.getByLabel('User ID')).toBeVisible()
  await step(page, testInfo, 'back-to-sign-in')
})
