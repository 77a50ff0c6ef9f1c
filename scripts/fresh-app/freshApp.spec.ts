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
