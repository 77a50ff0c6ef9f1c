'use client'
import { describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { KickedOfflineDialog, LoginStatusBadge } from '../../src/index'
import { renderWithSession, type SessionSetup, sleep } from './_session'

const locales = [
  {
    locale: 'en',
    online: 'Online',
    signOut: 'Sign out',
    signInAgain: 'Sign in again',
    useHere: 'Use here',
    signingIn: 'Signing in…',
    multiDevice: 'Signed in on another device',
    multiDeviceText: /alice signed in on another device/,
    note: 'Signing in again here signs the other one out.',
    multiAccount: 'Chat opened elsewhere',
    multiAccountText: /another browser tab or window/,
    thisBrowser: 'Chat opened in another tab',
    thisBrowserText: /another tab of this browser/,
    restApi: 'Signed out by an administrator',
    forbidden: 'You may not sign in to chat.',
  },
  {
    locale: 'zh-CN',
    online: '在线',
    signOut: '退出登录',
    signInAgain: '重新登录',
    useHere: '在此使用',
    signingIn: '正在登录…',
    multiDevice: '已在其他设备登录',
    multiDeviceText: /alice 已在其他设备登录聊天/,
    note: '在此重新登录会使另一处退出登录。',
    multiAccount: '已在其他位置打开',
    multiAccountText: /其他浏览器标签页或窗口/,
    thisBrowser: '已在其他标签页打开',
    thisBrowserText: /此浏览器的其他标签页/,
    restApi: '已被管理员退出登录',
    forbidden: '你无权登录聊天。',
  },
] as const

describe.each(locales)('KickedOfflineDialog ($locale)', (t) => {
  const setup = (onSignOut = vi.fn(), options: SessionSetup = {}) => {
    const rendered = renderWithSession(
      <>
        <button type="button">Behind the dialog</button>
        <LoginStatusBadge />
        <KickedOfflineDialog onSignOut={onSignOut} />
      </>,
      { locale: t.locale, ...options },
    )
    return { ...rendered, onSignOut }
  }
  const signedIn = () => expect.element(page.getByText(t.online)).toBeVisible()

  it('stays away until a kick, then opens as a modal alertdialog naming another device', async () => {
    const { fake } = setup()
    await signedIn()
    expect(document.querySelector('dialog')).toBeNull()
    fake.kick('multi-device')
    const dialog = page.getByRole('alertdialog', { name: t.multiDevice })
    await expect.element(dialog).toBeVisible()
    await expect.element(dialog).toHaveAccessibleDescription(t.multiDeviceText)
    await expect.element(dialog).toHaveTextContent(t.note)
    expect((dialog.element() as HTMLDialogElement).matches(':modal')).toBe(true)
  })

  it('starts on Sign out, keeps Tab inside the dialog, and Esc or an outside click do not dismiss it', async () => {
    const { fake } = setup()
    await signedIn()
    fake.kick('multi-device')
    const dialog = page.getByRole('alertdialog', { name: t.multiDevice })
    const signOut = page.getByRole('button', { name: t.signOut })
    const again = page.getByRole('button', { name: t.signInAgain })
    await expect.element(signOut).toHaveFocus()

    await userEvent.keyboard('{Tab}')
    await expect.element(again).toHaveFocus()
    // Past the last button focus may leave the page (browser UI), but never lands behind the dialog.
    const behind = page.getByRole('button', { name: 'Behind the dialog' }).element()
    for (let i = 0; i < 6; i++) {
      await userEvent.keyboard('{Tab}')
      const active = document.activeElement
      expect(active === document.body || dialog.element().contains(active)).toBe(true)
      expect(active).not.toBe(behind)
    }
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
    expect(
      dialog.element().contains(document.activeElement) || document.activeElement === document.body,
    ).toBe(true)

    await signOut.element().focus()
    await userEvent.keyboard('{Escape}')
    await userEvent.keyboard('{Escape}')
    await userEvent.click(document.body, { position: { x: 4, y: 4 }, force: true })
    await sleep(50)
    await expect.element(dialog).toBeVisible()
    expect((dialog.element() as HTMLDialogElement).open).toBe(true)
  })

  it('Sign out signs out, closes the dialog and calls onSignOut', async () => {
    const { fake, onSignOut } = setup()
    await signedIn()
    fake.kick('multi-device')
    await userEvent.click(page.getByRole('button', { name: t.signOut }))
    await expect.poll(() => onSignOut.mock.calls.length).toBe(1)
    expect(document.querySelector('dialog')).toBeNull()
    expect(fake.chat.fake.calls.login).toBe(1)
  })

  it('Sign in again shows a pending state, then signs in here with a fresh UserSig', async () => {
    const { fake } = setup()
    await signedIn()
    fake.kick('multi-device')
    fake.mode = 'held'
    await userEvent.click(page.getByRole('button', { name: t.signInAgain }))
    const pending = page.getByRole('button', { name: t.signingIn })
    await expect.element(pending).toHaveAttribute('aria-disabled', 'true')
    await expect.element(page.getByRole('alertdialog')).toHaveAttribute('aria-busy', 'true')
    fake.release()
    await signedIn()
    expect(document.querySelector('dialog')).toBeNull()
    expect(fake.fetches.map((f) => f.reason)).toEqual(['login', 'login'])
    expect(fake.chat.fake.calls.login).toBe(2)
  })

  it('shows a failed re-login inline and stays open', async () => {
    const { fake } = setup()
    await signedIn()
    fake.kick('multi-device')
    fake.mode = 'forbidden'
    await userEvent.click(page.getByRole('button', { name: t.signInAgain }))
    const dialog = page.getByRole('alertdialog', { name: t.multiDevice })
    await expect.element(dialog.getByRole('alert')).toHaveTextContent(t.forbidden)
    await expect.element(dialog).toHaveAttribute('data-state', 'error')
    await expect.element(page.getByRole('button', { name: t.signInAgain })).toBeVisible()
  })

  it('names another browser tab or window for a multi-account kick', async () => {
    const { fake } = setup()
    await signedIn()
    fake.kick('multi-account')
    const dialog = page.getByRole('alertdialog', { name: t.multiAccount })
    await expect.element(dialog).toHaveAccessibleDescription(t.multiAccountText)
    await expect.element(page.getByRole('button', { name: t.signInAgain })).toBeVisible()
  })

  it('says "another tab of this browser" and offers "Use here" when this browser took over (tabs: ask)', async () => {
    const { fake } = setup(vi.fn(), { options: { tabs: 'ask' } })
    await signedIn()
    await fake.openAnotherTab('alice')
    const dialog = page.getByRole('alertdialog', { name: t.thisBrowser })
    await expect.element(dialog).toHaveAccessibleDescription(t.thisBrowserText)
    await userEvent.click(page.getByRole('button', { name: t.useHere }))
    await signedIn()
    // Taking it back here signed the other tab out: one client online for alice.
    expect(fake.service.sessions()).toEqual({ alice: 1 })
  })

  it('names the administrator for a REST API kick, without the note about the other side', async () => {
    const { fake } = setup()
    await signedIn()
    fake.kick('rest-api')
    const dialog = page.getByRole('alertdialog', { name: t.restApi })
    await expect.element(dialog).toBeVisible()
    await expect.element(dialog).not.toHaveTextContent(t.note)
  })
})
