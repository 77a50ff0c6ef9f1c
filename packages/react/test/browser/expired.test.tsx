'use client'
import { describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { LoginStatusBadge, SessionExpiredDialog } from '../../src/index'
import { renderWithSession, sleep } from './_session'

const locales = [
  {
    locale: 'en',
    online: 'Online',
    title: 'Session expired',
    text: 'Your chat session expired and could not be renewed automatically.',
    forbiddenText: 'Your sign-in is no longer valid. Sign in again to keep chatting.',
    tryAgain: 'Try again',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    refreshing: 'Refreshing session…',
    forbidden: 'You may not sign in to chat.',
  },
  {
    locale: 'zh-CN',
    online: '在线',
    title: '会话已过期',
    text: '聊天会话已过期，且无法自动续期。',
    forbiddenText: '登录状态已失效。请重新登录以继续聊天。',
    tryAgain: '重试',
    signIn: '登录',
    signingIn: '正在登录…',
    refreshing: '正在刷新会话…',
    forbidden: '你无权登录聊天。',
  },
] as const

describe.each(locales)('SessionExpiredDialog ($locale)', (t) => {
  const setup = (refreshingAfter?: number) => {
    const onSignInRequested = vi.fn()
    const rendered = renderWithSession(
      <>
        <LoginStatusBadge />
        <SessionExpiredDialog onSignInRequested={onSignInRequested} refreshingAfter={refreshingAfter} />
      </>,
      { locale: t.locale },
    )
    return { ...rendered, onSignInRequested }
  }
  const signedIn = () => expect.element(page.getByText(t.online)).toBeVisible()

  it('shows nothing while the automatic refresh works', async () => {
    const { fake } = setup()
    await signedIn()
    fake.expireSig()
    await expect.poll(() => fake.fetches.map((f) => f.reason)).toEqual(['login', 'expired'])
    await signedIn()
    await sleep(100)
    expect(document.querySelector('dialog')).toBeNull()
    await expect.element(page.getByRole('status')).toHaveTextContent('')
  })

  it('says "Refreshing session…" quietly only when the refresh outlasts the grace period', async () => {
    const { fake } = setup(200)
    await signedIn()
    fake.mode = 'held'
    fake.expireSig()
    await expect.element(page.getByRole('status')).toHaveTextContent(t.refreshing)
    fake.release()
    await signedIn()
    await expect.element(page.getByRole('status')).toHaveTextContent('')
    expect(document.querySelector('dialog')).toBeNull()
  })

  it('opens when the fetcher says forbidden: focus on Try again, Esc does not close it, Sign in asks the app', async () => {
    const { fake, onSignInRequested } = setup()
    await signedIn()
    fake.mode = 'forbidden'
    fake.expireSig()
    const dialog = page.getByRole('alertdialog', { name: t.title })
    await expect.element(dialog).toHaveAccessibleDescription(t.forbiddenText)
    await expect.element(page.getByRole('button', { name: t.tryAgain })).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await userEvent.keyboard('{Escape}')
    await expect.element(dialog).toBeVisible()
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
    await expect.element(page.getByRole('button', { name: t.signIn })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => onSignInRequested.mock.calls.length).toBe(1)
    expect(document.querySelector('dialog')).toBeNull()
  })

  it('opens when the refresh attempts are exhausted; Try again signs in with a fresh UserSig', async () => {
    const { fake } = setup()
    await signedIn()
    fake.mode = 'expired'
    fake.expireSig()
    const dialog = page.getByRole('alertdialog', { name: t.title })
    await expect.element(dialog).toHaveAccessibleDescription(t.text)
    fake.mode = 'held'
    await userEvent.click(page.getByRole('button', { name: t.tryAgain }))
    await expect
      .element(page.getByRole('button', { name: t.signingIn }))
      .toHaveAttribute('aria-disabled', 'true')
    fake.release()
    await signedIn()
    expect(document.querySelector('dialog')).toBeNull()
  })

  it('stays closed when the refresh failed only because the browser is offline, and renews when it is back', async () => {
    const { fake } = renderWithSession(
      <>
        <LoginStatusBadge />
        <SessionExpiredDialog />
      </>,
      { locale: t.locale, options: { maxAttempts: 2, backoffBase: 10, backoffCap: 20 } },
    )
    await signedIn()
    fake.goOffline()
    fake.expireSig()
    // The endpoint cannot be reached: the refresh gives up after its attempts...
    await expect.poll(() => fake.fetches.length).toBe(3)
    await sleep(100)
    // ...but that is the network's fault, not the session's: no dialog.
    expect(document.querySelector('dialog')).toBeNull()
    fake.reconnect()
    await signedIn()
    expect(document.querySelector('dialog')).toBeNull()
  })

  it('opens when the fetcher hands back the stale sig, and shows a failed Try again inline', async () => {
    const { fake } = setup()
    await signedIn()
    fake.mode = 'stale'
    fake.expireSig()
    const dialog = page.getByRole('alertdialog', { name: t.title })
    await expect.element(dialog).toBeVisible()
    fake.mode = 'forbidden'
    await userEvent.click(page.getByRole('button', { name: t.tryAgain }))
    await expect.element(dialog.getByRole('alert')).toHaveTextContent(t.forbidden)
    await expect.element(dialog).toBeVisible()
  })
})
