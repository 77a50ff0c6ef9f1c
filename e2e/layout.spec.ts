import type { Locator, Page } from '@playwright/test'
import { devPanel, dialog, expect, signIn, step, test, uniqueUser } from './_demo'

/** `UPDATE_SCREENSHOTS=1` also writes the README's pictures into docs/screenshots/. */
const docsShot = (name: string): string | undefined =>
  process.env.UPDATE_SCREENSHOTS === '1' ? `docs/screenshots/${name}.png` : undefined

/** A unique UserID of exactly 32 bytes, the longest the SDK takes. */
const longUser = (prefix: string): string => uniqueUser(prefix).padEnd(32, 'x')

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const sizes = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    body: document.body.scrollWidth - document.body.clientWidth,
  }))
  expect(sizes).toEqual({ doc: 0, body: 0 })
}

/** The element at the centre of `target` is `target` (or inside it): nothing floats over it. */
async function expectUncovered(target: Locator): Promise<void> {
  await expect(target).toBeInViewport({ ratio: 1 })
  expect(
    await target.evaluate((el) => {
      const box = el.getBoundingClientRect()
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      return hit !== null && (hit === el || el.contains(hit))
    }),
  ).toBe(true)
}

async function expectHeaderFits(page: Page, user: string, width: number): Promise<void> {
  const signOut = page.getByRole('banner').getByRole('button', { name: 'Sign out' })
  await expect(signOut).toBeInViewport({ ratio: 1 })
  const box = await signOut.boundingBox()
  expect((box?.x ?? Number.POSITIVE_INFINITY) + (box?.width ?? 0)).toBeLessThanOrEqual(width)
  // Cut on screen, whole for assistive tech and on hover.
  const name = page.getByTestId('current-user').getByTitle(user)
  await expect(name).toHaveText(user)
}

for (const width of [360, 320]) {
  test(`at ${width} px with 32-byte user IDs: no sideways scroll, the composer uncovered, usable by keyboard`, async ({
    browser,
    openPage,
  }, testInfo) => {
    // Plain 32-byte names at 360 px for the README picture (every run starts its own gateway; no other test
    // uses them), unique ones at 320 px.
    const alice = width === 360 ? 'mia_chen_design_team_lantern_app' : longUser(`w${width}_alice`)
    const bob = width === 360 ? 'leo_wang_platform_release_team01' : longUser(`w${width}_bob`)
    const desktop = await openPage()
    await signIn(desktop, bob)
    const context = await browser.newContext({ viewport: { width, height: 740 } })
    const phone = await context.newPage()
    try {
      await signIn(phone, alice)
      await expectNoSidewaysScroll(phone)
      await expectHeaderFits(phone, alice, width)

      // Keyboard only: type the peer, Enter, land in the message box, Enter sends.
      await phone.getByLabel('Chat with').focus()
      await phone.keyboard.type(bob)
      await phone.keyboard.press('Enter')
      const composer = phone.getByRole('textbox', { name: `Message to ${bob}` })
      await expect(composer).toBeFocused()
      await phone.keyboard.type('Hello from a small screen, with a long line that has to wrap nicely')
      await phone.keyboard.press('Enter')
      const sent = phone.getByTestId('message').filter({ hasText: 'Hello from a small screen' })
      await expect(sent).toHaveAttribute('data-status', 'sent')

      await desktop.getByTestId('conversation').filter({ hasText: alice }).click()
      await desktop.getByRole('textbox', { name: `Message to ${alice}` }).fill('Looks good here too')
      await desktop.getByRole('button', { name: 'Send' }).click()
      await expect(phone.getByTestId('message').filter({ hasText: 'Looks good here too' })).toBeVisible()

      await expect(phone.getByRole('heading', { level: 1 }).getByTitle(bob)).toHaveText(bob)
      await expectNoSidewaysScroll(phone)
      await expectUncovered(phone.getByRole('button', { name: 'Send' }))
      await expectUncovered(composer)
      const path = await step(phone, testInfo, 'phone-conversation')
      if (width === 360) await phone.screenshot({ path: docsShot('demo-phone') ?? path })

      // The developer panel open: still in the flow, the composer still reachable and uncovered.
      await devPanel(phone)
      await composer.scrollIntoViewIfNeeded()
      await expectUncovered(phone.getByRole('button', { name: 'Send' }))
      await expectNoSidewaysScroll(phone)

      // Back to the list (a real button with a name), which shows the conversation.
      await phone.getByRole('button', { name: 'Back to conversations' }).click()
      await expect(phone.getByTestId('conversation').filter({ hasText: bob })).toBeVisible()
      await expectNoSidewaysScroll(phone)
    } finally {
      await context.close()
    }
  })
}

test('wide screen: list and conversation side by side; the README pictures', async ({
  openPage,
}, testInfo) => {
  // Plain names for the README pictures: every run starts its own gateway, and no other test uses them.
  const alice = 'mia'
  const bob = 'leo'
  const a = await openPage()
  const b = await openPage()
  await signIn(a, alice)
  await signIn(b, bob)
  await a.getByLabel('Chat with').fill(bob)
  await a.getByRole('button', { name: 'Start' }).click()
  await a.getByRole('textbox', { name: `Message to ${bob}` }).fill('Did the new build go out?')
  await a.getByRole('button', { name: 'Send' }).click()
  await b.getByTestId('conversation').filter({ hasText: alice }).click()
  await b.getByRole('textbox', { name: `Message to ${alice}` }).fill('Yes, to 10 % of users at 8:30.')
  await b.getByRole('button', { name: 'Send' }).click()
  await expect(a.getByTestId('message')).toHaveCount(2)
  await expect(a.getByRole('navigation', { name: 'Conversations' })).toBeVisible()
  await expect(a.getByRole('main')).toBeVisible()
  await expectNoSidewaysScroll(a)
  const shot = docsShot('demo-signed-in')
  if (shot) await a.screenshot({ path: shot })
  await step(a, testInfo, 'wide')

  const panel = await devPanel(a)
  await panel.getByRole('button', { name: 'Kick from another device' }).click()
  await expect(dialog(a)).toBeVisible()
  // The dialog makes the page behind it inert, so the panel is folded from script for the picture.
  await panel.evaluate((el) => {
    ;(el as HTMLDetailsElement).open = false
  })
  const kickedShot = docsShot('demo-kicked')
  if (kickedShot) await a.screenshot({ path: kickedShot })
  await step(a, testInfo, 'wide-kicked')
})
