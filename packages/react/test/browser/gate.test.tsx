'use client'
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { LoginForm, LoginStatusBadge, SessionGate, SessionUI } from '../../src/index'
import { renderWithSession } from './_session'

describe('SessionGate', () => {
  const gate = (
    <SessionGate fallback={<p>Connecting to chat</p>} loggedOut={<p>Please sign in</p>}>
      <p>The chat app</p>
    </SessionGate>
  )

  it('shows the fallback while signing in, then the children', async () => {
    const { fake } = renderWithSession(gate, { fetcher: 'held' })
    await expect.element(page.getByText('Connecting to chat')).toBeVisible()
    fake.release()
    await expect.element(page.getByText('The chat app')).toBeVisible()
    expect(page.getByText('Connecting to chat').query()).toBeNull()
    expect(fake.chat.isReady()).toBe(true)
  })

  it('shows the loggedOut slot when nobody is signed in', async () => {
    renderWithSession(gate, { userID: null })
    await expect.element(page.getByText('Please sign in')).toBeVisible()
  })

  it('keeps the children mounted through the automatic UserSig refresh', async () => {
    const { fake } = renderWithSession(gate)
    await expect.element(page.getByText('The chat app')).toBeVisible()
    const app = page.getByText('The chat app').element()
    fake.mode = 'held'
    fake.expireSig()
    await expect.poll(() => fake.fetches.length).toBe(2)
    expect(page.getByText('Connecting to chat').query()).toBeNull()
    fake.release()
    await expect.poll(() => fake.chat.isReady()).toBe(true)
    expect(page.getByText('The chat app').element()).toBe(app)
  })
})

describe('LoginStatusBadge', () => {
  it('follows the session: signing in, online, reconnecting, signed out', async () => {
    const { fake } = renderWithSession(<LoginStatusBadge showUserID />, { fetcher: 'held' })
    await expect.element(page.getByText('Signing in…')).toBeVisible()
    fake.release()
    await expect.element(page.getByText('Online · alice')).toBeVisible()
    fake.serverUnreachable()
    await expect.element(page.getByText('Reconnecting… · alice')).toBeVisible()
    fake.reconnect()
    await expect.element(page.getByText('Online · alice')).toBeVisible()
    fake.kick('rest-api')
    await expect.element(page.getByText('Signed out')).toBeVisible()
    expect(page.getByText('Signed out').element().closest('[data-state]')?.getAttribute('data-state')).toBe(
      'logged-out',
    )
  })
})

describe('LoginForm', () => {
  const setup = (fetcher?: 'ok' | 'held' | 'forbidden') =>
    renderWithSession(
      <SessionGate loggedOut={<LoginForm />} fallback={<LoginForm />}>
        <LoginStatusBadge />
      </SessionGate>,
      { userID: null, fetcher },
    )

  it('checks the UserID before sending anything, with the error tied to the field', async () => {
    const { fake } = setup()
    const field = page.getByRole('textbox', { name: 'User ID' })
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }))
    await expect.element(field).toHaveAttribute('aria-invalid', 'true')
    await expect.element(field).toHaveAccessibleDescription(/Enter your user ID\./)
    await expect.element(field).toHaveFocus()

    await userEvent.fill(field, 'a b')
    await expect.element(field).toHaveAccessibleDescription(/Use only letters, digits, _ and -\./)
    await userEvent.fill(field, 'x'.repeat(33))
    await expect.element(field).toHaveAccessibleDescription(/A user ID has at most 32 characters\./)
    await userEvent.fill(field, 'alice')
    await expect.element(field).not.toHaveAttribute('aria-invalid')
    expect(fake.fetches).toEqual([])
  })

  it('signs in with Enter, showing a pending state', async () => {
    const { fake } = setup('held')
    await userEvent.fill(page.getByRole('textbox', { name: 'User ID' }), 'alice')
    await userEvent.keyboard('{Enter}')
    await expect
      .element(page.getByRole('button', { name: 'Signing in…' }))
      .toHaveAttribute('aria-disabled', 'true')
    fake.release()
    await expect.element(page.getByText('Online')).toBeVisible()
    expect(fake.fetches).toEqual([{ userID: 'alice', reason: 'login' }])
  })

  it('signs in by itself when the network comes back after a sign-in that failed offline', async () => {
    const { fake } = renderWithSession(
      <SessionGate loggedOut={<LoginForm />} fallback={<LoginForm />}>
        <LoginStatusBadge />
      </SessionGate>,
      { userID: null, options: { maxAttempts: 1 } },
    )
    fake.goOffline()
    await userEvent.fill(page.getByRole('textbox', { name: 'User ID' }), 'alice')
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }))
    await expect.element(page.getByRole('alert')).toHaveTextContent('Waiting for network…')
    expect(fake.fetches).toHaveLength(1)

    fake.reconnect()
    await expect.element(page.getByText('Online')).toBeVisible()
    expect(fake.fetches).toEqual([
      { userID: 'alice', reason: 'login' },
      { userID: 'alice', reason: 'login' },
    ])
  })

  it("drops a failed attempt's error once the session signs in without the form", async () => {
    const { fake } = renderWithSession(
      <>
        <LoginForm />
        <LoginStatusBadge />
      </>,
      { userID: null, options: { maxAttempts: 1 } },
    )
    fake.goOffline()
    await userEvent.fill(page.getByRole('textbox', { name: 'User ID' }), 'alice')
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }))
    await expect.element(page.getByRole('alert')).toHaveTextContent('Waiting for network…')
    fake.reconnect()
    await expect.element(page.getByText('Online')).toBeVisible()
    expect(page.getByRole('alert').query()).toBeNull()
  })

  it('says what failed when the browser is online, and "Waiting for network…" only when it is not', async () => {
    const { fake } = renderWithSession(<LoginForm />, {
      userID: null,
      fetcher: 'hang',
      options: { maxAttempts: 1, fetchTimeout: 100 },
    })
    await userEvent.fill(page.getByRole('textbox', { name: 'User ID' }), 'alice')
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }))
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('The chat service did not answer in time.')
    fake.goOffline()
    await expect.element(page.getByRole('alert')).toHaveTextContent('Waiting for network…')
  })

  it('shows the engine or server error as an alert', async () => {
    setup('forbidden')
    await userEvent.fill(page.getByRole('textbox', { name: 'User ID' }), 'alice')
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }))
    await expect.element(page.getByRole('alert')).toHaveTextContent('You may not sign in to chat.')
  })
})

describe('SessionUI', () => {
  it('is the banner and both dialogs in one line', async () => {
    const { fake } = renderWithSession(<SessionUI alertAfter={60_000} />)
    await expect.poll(() => fake.chat.isReady()).toBe(true)
    fake.goOffline()
    await expect.element(page.getByText('Waiting for network…')).toBeVisible()
    fake.reconnect()
    fake.kick('multi-device')
    await expect.element(page.getByRole('alertdialog', { name: 'Signed in on another device' })).toBeVisible()
  })

  it('takes message overrides per key', async () => {
    const { fake } = renderWithSession(<SessionUI />, {
      messages: { kickedTitleMultiDevice: 'Moved to your phone' },
    })
    await expect.poll(() => fake.chat.isReady()).toBe(true)
    fake.kick('multi-device')
    await expect.element(page.getByRole('alertdialog', { name: 'Moved to your phone' })).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  })

  it('hands over from the kicked dialog to the expired one when signing in again ends in a failed refresh', async () => {
    const { fake } = renderWithSession(<SessionUI />, { options: { maxRefreshes: 1 } })
    await expect.poll(() => fake.chat.isReady()).toBe(true)
    fake.kick('multi-device')
    await expect.element(page.getByRole('alertdialog', { name: 'Signed in on another device' })).toBeVisible()
    // Every sig the endpoint now hands out is already expired: the re-login's refresh runs out.
    fake.mode = 'expired'
    await userEvent.click(page.getByRole('button', { name: 'Sign in again' }))
    const expired = page.getByRole('alertdialog', { name: 'Session expired' })
    await expect.element(expired).toBeVisible()
    expect(document.querySelectorAll('dialog[open]')).toHaveLength(1)
    await expect.element(page.getByRole('button', { name: 'Try again' })).toHaveFocus()

    // Try again from the expired dialog signs in; the kick's dialog does not come back on the way.
    fake.mode = 'held'
    await userEvent.click(page.getByRole('button', { name: 'Try again' }))
    await expect.element(page.getByRole('button', { name: 'Signing in…' })).toBeVisible()
    expect(document.querySelectorAll('dialog[open]')).toHaveLength(1)
    fake.release()
    await expect.poll(() => fake.chat.isReady()).toBe(true)
    await expect.poll(() => document.querySelectorAll('dialog[open]').length).toBe(0)
  })
})
