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

  // The engine fetches the next sig ahead of expiry (the shown expiry is the freshest sig the session holds);
  // the gateway refuses the old one on the first heartbeat after it expires, and the engine signs in again
  // with the one it holds, without a dialog or a second request.
  await expect
    .poll(async () => Number(await expiry.getAttribute('data-expires-at')), {
      timeout: (SHORT_TTL_SECONDS + 6) * 1000,
      intervals: [100],
    })
    .toBeGreaterThan(firstExpiry)
  // Past the old sig's expiry and a few heartbeats (GATEWAY_HELLO_INTERVAL is 1 s in the e2e): the expiry kick
  // has come and gone.
  await page.waitForTimeout(Math.max(0, firstExpiry + 4000 - Date.now()))
  await expectOnline(page, user)
  expect(userSigRequests(page).length - before).toBe(1)
  expect(await dialogsOpened(page)).toBe(0)
  await expect(page.getByLabel('User ID')).toHaveCount(0)
  await step(page, testInfo, 'renewed')
})
