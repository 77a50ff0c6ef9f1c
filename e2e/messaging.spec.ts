import type { Page } from '@playwright/test'
import { devPanel, dialog, expect, expectOnline, signIn, step, test, uniqueUser } from './_demo'
import { SHORT_TTL_SECONDS, shortTtlURL } from './ports'

/** Opens (or starts) the conversation with `peer` from the sidebar form. */
async function openChat(page: Page, peer: string): Promise<void> {
  await page.getByLabel('Chat with').fill(peer)
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(peer)
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: /^Message to / }).fill(text)
  await page.getByRole('button', { name: 'Send' }).click()
}

const messages = (page: Page) => page.getByRole('list', { name: 'Messages' }).getByTestId('message')
const bubble = (page: Page, text: string) => messages(page).filter({ hasText: text })

test('alice and bob exchange messages both ways through the real SDK', async ({ openPage }, testInfo) => {
  const alice = uniqueUser('alice')
  const bob = uniqueUser('bob')
  const a = await openPage()
  const b = await openPage()
  await signIn(a, alice)
  await signIn(b, bob)

  await openChat(a, bob)
  await send(a, 'Hi bob, lunch?')
  await expect(bubble(a, 'Hi bob, lunch?')).toHaveAttribute('data-status', 'sent')

  // Bob was not in the conversation: it appears in his list, unread, and opens with the message.
  const fromAlice = b.getByTestId('conversation').filter({ hasText: alice })
  await expect(fromAlice).toContainText('Hi bob, lunch?')
  await expect(fromAlice.getByTestId('unread')).toHaveText('1 unread')
  await fromAlice.click()
  await expect(bubble(b, 'Hi bob, lunch?')).toBeVisible()
  await expect(fromAlice.getByTestId('unread')).toHaveCount(0)
  await expect(b.getByRole('textbox', { name: `Message to ${alice}` })).toBeFocused()

  await send(b, 'Sure, 12:30')
  await expect(bubble(a, 'Sure, 12:30')).toBeVisible()
  // Announced to screen readers as it arrives (a history that loads is not read out).
  await expect(a.getByTestId('arrived')).toHaveText(`${bob}: Sure, 12:30`)
  await expect(b.getByTestId('arrived')).toHaveText('')
  await expect(messages(a)).toHaveText([/Hi bob, lunch\?/, /Sure, 12:30/])
  await expect(messages(b)).toHaveText([/Hi bob, lunch\?/, /Sure, 12:30/])
  await step(a, testInfo, 'alice-conversation')

  // A reload: signed in again, the conversation and its history come back from the gateway.
  await signIn(a, alice)
  await a.getByTestId('conversation').filter({ hasText: bob }).click()
  await expect(messages(a)).toHaveText([/Hi bob, lunch\?/, /Sure, 12:30/])
})

test('kicked by another device: the composer says why; after signing in again the message sent meanwhile is there', async ({
  openPage,
}, testInfo) => {
  const alice = uniqueUser('alice')
  const bob = uniqueUser('bob')
  const a = await openPage()
  const b = await openPage()
  await signIn(a, alice)
  await signIn(b, bob)
  await openChat(a, bob)
  await openChat(b, alice)
  await send(b, 'before the kick')
  await expect(bubble(a, 'before the kick')).toBeVisible()

  const panel = await devPanel(a)
  await panel.getByRole('button', { name: 'Kick from another device' }).click()
  const kicked = dialog(a)
  await expect(kicked).toBeVisible()
  await expect(a.getByTestId('composer-hint')).toHaveText(
    'You signed in on another device, so this one was signed out. Sign in again to send.',
  )
  await expect(a.getByRole('button', { name: 'Send' })).toHaveAttribute('aria-disabled', 'true')

  await send(b, 'sent while you were away')
  await expect(bubble(b, 'sent while you were away')).toHaveAttribute('data-status', 'sent')
  await step(a, testInfo, 'alice-kicked')
  await expect(bubble(a, 'sent while you were away')).toHaveCount(0)

  await kicked.getByRole('button', { name: 'Sign in again' }).click()
  await expectOnline(a, alice)
  await expect(bubble(a, 'sent while you were away')).toBeVisible()
  await expect(a.getByTestId('composer-hint')).toHaveText('')
  await send(a, 'back again')
  await expect(bubble(b, 'back again')).toBeVisible()
})

test('a silent UserSig renewal loses no message', async ({ openPage, userSigRequests }) => {
  const alice = uniqueUser('ttl_a')
  const bob = uniqueUser('ttl_b')
  const a = await openPage()
  const b = await openPage()
  await signIn(a, alice, shortTtlURL)
  await signIn(b, bob, shortTtlURL)
  await openChat(a, bob)
  await openChat(b, alice)
  const firstExpiry = Number(await a.getByTestId('sig-expiry').getAttribute('data-expires-at'))

  // Bob writes every second until both sigs were renewed and their old ones expired (the gateway refuses an
  // expired sig on the next heartbeat and the engine signs in again with the fresh one).
  const sent: string[] = []
  for (let i = 1; Date.now() < firstExpiry + 4000; i++) {
    const text = `tick ${i}`
    await send(b, text)
    sent.push(text)
    await a.waitForTimeout(1000)
  }
  expect(userSigRequests(a).length).toBeGreaterThanOrEqual(2)
  await expectOnline(a, alice)
  await expect(messages(a)).toHaveText(
    sent.map((t) => new RegExp(`${t}$`)),
    {
      timeout: SHORT_TTL_SECONDS * 1000,
    },
  )
})

test('an outage holds a message as "Sending…", then delivers it', async ({ openPage }, testInfo) => {
  const alice = uniqueUser('alice')
  const bob = uniqueUser('bob')
  const a = await openPage()
  const b = await openPage()
  await signIn(a, alice)
  await signIn(b, bob)
  await openChat(a, bob)
  await openChat(b, alice)

  const panel = await devPanel(b)
  await panel.getByLabel('Outage seconds').fill('4')
  await panel.getByRole('button', { name: 'Start outage' }).click()
  await expect(b.getByTestId('composer-hint')).toHaveText(
    'Offline: messages are sent when the connection is back.',
  )
  await send(b, 'through the outage')
  await expect(bubble(b, 'through the outage')).toHaveAttribute('data-status', 'sending')
  await expect(bubble(b, 'through the outage')).toContainText('Sending…')
  await step(b, testInfo, 'bob-sending-during-outage')
  await expect(bubble(a, 'through the outage')).toHaveCount(0)

  await expect(bubble(b, 'through the outage')).toHaveAttribute('data-status', 'sent', { timeout: 20_000 })
  await expect(bubble(a, 'through the outage')).toHaveCount(1, { timeout: 20_000 })
})

test('a renewal the UserSig endpoint refuses: the composer says so and keeps the draft', async ({ page }) => {
  const user = uniqueUser('refused')
  await signIn(page, user)
  await openChat(page, 'someone')
  const panel = await devPanel(page)
  await panel.getByLabel('UserSig endpoint answers 403 for this user').check()
  await expect(panel.getByTestId('dev-note')).toHaveText(/^UserSig endpoint now answers 403/)
  await page.getByRole('textbox', { name: 'Message to someone' }).fill('a draft')
  await panel.getByRole('button', { name: 'Expire my UserSig now' }).click()
  await expect(dialog(page)).toBeVisible()
  await expect(page.getByTestId('composer-hint')).toHaveText(
    'Your chat credential could not be renewed. Sign in again to send.',
  )
  await expect(page.getByRole('button', { name: 'Send' })).toHaveAttribute('aria-disabled', 'true')
  await expect(page.getByRole('textbox', { name: 'Message to someone' })).toHaveValue('a draft')
})
