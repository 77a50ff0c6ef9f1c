'use client'
import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { ConnectionBanner, LoginStatusBadge } from '../../src/index'
import { renderWithSession, sleep } from './_session'

const status = () => page.getByRole('status')

describe('ConnectionBanner', () => {
  const setup = (props: { alertAfter?: number; reconnectedFor?: number } = {}, locale?: 'en' | 'zh-CN') =>
    renderWithSession(
      <>
        <LoginStatusBadge />
        <ConnectionBanner {...props} />
      </>,
      { locale },
    )

  it('keeps an empty polite live region mounted while there is nothing to say', async () => {
    setup()
    await expect.element(page.getByText('Online')).toBeVisible()
    await expect.element(status()).toBeInTheDocument()
    await expect.element(status()).toHaveTextContent('')
    expect(page.getByRole('alert').query()).toBeNull()
    expect(status().element().closest('.csk-banner')?.getAttribute('data-state')).toBe('hidden')
  })

  it('shows nothing for a blip shorter than the grace period', async () => {
    const { fake } = setup()
    await expect.element(page.getByText('Online')).toBeVisible()
    fake.serverUnreachable()
    await sleep(100)
    fake.reconnect()
    await sleep(300)
    await expect.element(status()).toHaveTextContent('')
  })

  it('says "Reconnecting…" when chat is down but the browser is online, then "Reconnected" for a moment', async () => {
    const { fake } = setup({ reconnectedFor: 400 })
    await expect.element(page.getByText('Online')).toBeVisible()
    fake.serverUnreachable()
    await expect.element(status()).toHaveTextContent('Reconnecting…')
    fake.reconnect()
    await expect.element(status()).toHaveTextContent('Reconnected')
    await expect.element(status()).toHaveTextContent('')
  })

  it('says "Waiting for network…" when the browser itself is offline', async () => {
    const { fake } = setup()
    await expect.element(page.getByText('Online')).toBeVisible()
    fake.goOffline()
    await expect.element(status()).toHaveTextContent('Waiting for network…')
    expect(navigator.onLine).toBe(false)
  })

  it('escalates to an alert after a long outage, and back to a polite confirmation', async () => {
    const { fake } = setup({ alertAfter: 500 })
    await expect.element(page.getByText('Online')).toBeVisible()
    fake.goOffline()
    await expect.element(status()).toHaveTextContent('Waiting for network…')
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('Still offline. Check your network connection.')
    await expect.element(status()).toHaveTextContent('')
    fake.reconnect()
    await expect.element(status()).toHaveTextContent('Reconnected')
    expect(page.getByRole('alert').query()).toBeNull()
  })

  it('stays quiet when nobody is signed in', async () => {
    const { fake } = renderWithSession(<ConnectionBanner />, { userID: null })
    fake.serverUnreachable()
    await sleep(400)
    await expect.element(status()).toHaveTextContent('')
  })

  it('speaks Simplified Chinese', async () => {
    const { fake } = setup({}, 'zh-CN')
    await expect.element(page.getByText('在线')).toBeVisible()
    fake.goOffline()
    await expect.element(status()).toHaveTextContent('等待网络连接…')
  })
})
