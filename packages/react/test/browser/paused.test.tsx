'use client'
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { LoginStatusBadge, SessionUI, TabPausedNotice } from '../../src/index'
import { renderWithSession, sleep } from './_session'

const TITLE = 'Chat is open in another tab'
const notice = () => document.querySelector<HTMLElement>('.csk-notice')!
const region = () => notice().querySelector<HTMLElement>('[role="status"]')!
const online = () => expect.element(page.getByText('Online', { exact: true })).toBeVisible()

// This tab's page is the real one (its focus, pointer and key presses); the other tab is a second session in the
// same page over the real BroadcastChannel and Web Locks, deaf to the page (see stories/fakeSession.ts).
describe('TabPausedNotice in Chromium', () => {
  it('is a polite live region, mounted and empty before the pause, that speaks without taking focus', async () => {
    const { fake } = renderWithSession(
      <>
        <label>
          Message <input />
        </label>
        <LoginStatusBadge />
        <SessionUI />
      </>,
    )
    await online()
    expect(region().textContent).toBe('')
    expect(region().getAttribute('role')).toBe('status')
    const input = page.getByRole('textbox', { name: 'Message' }).element() as HTMLInputElement
    input.focus()
    await fake.openAnotherTab('alice')
    await expect.element(page.getByText(TITLE)).toBeVisible()
    await expect.element(page.getByText('In another tab', { exact: true })).toBeVisible()
    expect(region().textContent).toContain(TITLE)
    expect(notice().getAttribute('data-state')).toBe('paused')
    // Not a dialog: nothing modal, nothing inert, and the user's focus stays where it was.
    expect(document.querySelector('dialog')).toBeNull()
    expect(document.activeElement).toBe(input)
    await sleep(300)
    expect(document.activeElement).toBe(input)
  })

  it('a click on "Use here" takes the session back; the other tab pauses, one session for alice', async () => {
    const { fake } = renderWithSession(
      <>
        <LoginStatusBadge />
        <TabPausedNotice />
      </>,
    )
    await online()
    await fake.openAnotherTab('alice')
    await userEvent.click(page.getByRole('button', { name: 'Use here' }))
    await online()
    expect(notice().getAttribute('data-state')).toBe('hidden')
    expect(region().textContent).toBe('')
    await expect.poll(() => fake.service.sessions()).toEqual({ alice: 1 })
  })

  it('by keyboard: the first key press takes the session back; focus on "Use here" stays in the notice, not <body>', async () => {
    const { fake } = renderWithSession(
      <>
        <LoginStatusBadge />
        <TabPausedNotice />
      </>,
      { latency: 300 },
    )
    await online()
    await fake.openAnotherTab('alice')
    const button = page.getByRole('button', { name: 'Use here' })
    await expect.element(button).toBeVisible()
    await userEvent.keyboard('{Tab}')
    const pending = page.getByRole('button', { name: 'Signing in…' })
    await expect.element(pending).toHaveFocus()
    await expect.element(pending).toHaveAttribute('aria-disabled', 'true')
    expect(notice().getAttribute('data-state')).toBe('pending')
    await online()
    expect(document.querySelector('.csk-notice button')).toBeNull()
    expect(document.activeElement).toBe(notice())
  })
})
