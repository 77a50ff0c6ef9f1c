import { dialogsOpened, expect, expectOnline, recordDialogs, signIn, step, test, uniqueUser } from './_demo'
import { SHORT_TTL_SECONDS, shortTtlURL } from './ports'

test('a UserSig that expires while online is renewed by itself: no dialog, one UserSig request', async ({
  page,
  userSigRequests,
}, testInfo) => {
  const user = uniqueUser('ttl')
  await signIn(page, user, shortTtlURL)
  await recordDialogs(page)
  const expiry = page.getByTestId('sig-expiry')
  const firstExpiry = Number(await expiry.getAttribute('data-expires-at'))
  expect(firstExpiry - Date.now()).toBeLessThanOrEqual(SHORT_TTL_SECONDS * 1000)
  const before = userSigRequests(page).length
  expect(before).toBe(1)
  await step(page, testInfo, 'online-with-short-sig')

  // The gateway refuses the old sig on the first heartbeat after it expires; the engine signs in again with
  // a fresh one (fetched ahead of expiry, or right then) and the shown expiry moves on.
  await expect
    .poll(async () => Number(await expiry.getAttribute('data-expires-at')), {
      timeout: (SHORT_TTL_SECONDS + 6) * 1000,
      intervals: [100],
    })
    .toBeGreaterThan(firstExpiry)
  const renewedAt = Date.now()
  expect(renewedAt).toBeGreaterThanOrEqual(firstExpiry)
  await expectOnline(page, user)
  expect(userSigRequests(page).length - before).toBe(1)
  expect(await dialogsOpened(page)).toBe(0)
  await expect(page.getByLabel('User ID')).toHaveCount(0)
  await step(page, testInfo, 'renewed')
})
