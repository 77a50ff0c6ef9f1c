import {
  banner,
  bannerStates,
  devPanel,
  expect,
  expectOnline,
  recordBanner,
  signIn,
  step,
  test,
  uniqueUser,
} from './_demo'

/** The engine's default grace period (`netLostAfter`): shorter losses never reach the UI. */
const GRACE_MS = 4000

test('a blip shorter than the grace period shows nothing', async ({ page }, testInfo) => {
  const user = uniqueUser('blip')
  await signIn(page, user)
  const panel = await devPanel(page)
  await recordBanner(page)

  await panel.getByRole('button', { name: 'Drop the connection' }).click()
  await expect(panel.getByTestId('dev-note')).toHaveText(/^Dropped: [1-9]/)
  await panel.getByLabel('Outage seconds').fill('1')
  await panel.getByRole('button', { name: 'Start outage' }).click()
  await expect(panel.getByTestId('dev-note')).toHaveText('Outage for 1 s: done')
  // Long enough for the outage, the SDK's reconnect and the grace period to have run out.
  await page.waitForTimeout(1000 + GRACE_MS + 1500)
  expect(await bannerStates(page)).toEqual([])
  await expect(banner(page)).toHaveAttribute('data-state', 'hidden')
  await expectOnline(page, user)
  await step(page, testInfo, 'after-blip')
})

test('an outage longer than the grace period shows the banner, which goes when the gateway is back', async ({
  page,
}, testInfo) => {
  const user = uniqueUser('outage')
  await signIn(page, user)
  const panel = await devPanel(page)
  await recordBanner(page)

  await panel.getByLabel('Outage seconds').fill('6')
  await panel.getByRole('button', { name: 'Start outage' }).click()
  const started = Date.now()
  await expect(panel.getByTestId('dev-note')).toHaveText('Outage for 6 s: done')

  // Not during the grace period…
  await page.waitForTimeout(GRACE_MS - 1500 - (Date.now() - started))
  expect(await bannerStates(page)).toEqual([])

  // …then "Reconnecting…", with the badge saying so too.
  await expect(banner(page)).toHaveAttribute('data-state', 'reconnecting', { timeout: 6000 })
  expect(Date.now() - started).toBeGreaterThanOrEqual(GRACE_MS - 200)
  await expect(banner(page).getByRole('status')).toHaveText('Reconnecting…')
  await expect(page.locator('.csk-badge')).toHaveAttribute('data-state', 'reconnecting')
  await step(page, testInfo, 'reconnecting')

  // The gateway comes back after 6 s: "Reconnected" for a moment, then nothing; the session never ended.
  await expect(banner(page)).toHaveAttribute('data-state', 'reconnected', { timeout: 15_000 })
  await step(page, testInfo, 'reconnected')
  await expect(banner(page)).toHaveAttribute('data-state', 'hidden', { timeout: 10_000 })
  await expectOnline(page, user)
  expect(await bannerStates(page)).toEqual(['reconnecting', 'reconnected', 'hidden'])
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
})
