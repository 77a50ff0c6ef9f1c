'use client'
import type { FetchUserSig } from '@chat-session/core'
import { render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { SessionDevtools } from '../../src/devtools/index'
import { ChatSessionProvider } from '../../src/index'
import '../../src/styles.css'
import { createFakeSession, type FakeSession } from '../../stories/fakeSession'

let fake: FakeSession | undefined
afterEach(() => {
  fake?.dispose()
  vi.restoreAllMocks()
})

/** The real provider on the fake world in Chromium; every UserSig the fetcher hands out is kept to look for. */
function setup(position?: 'inline') {
  fake = createFakeSession({ options: { netLostAfter: 200 } })
  const issued: string[] = []
  const base = fake.fetchUserSig
  const fetchUserSig: FetchUserSig = async (userID, context) => {
    const answer = await base(userID, context)
    if (typeof answer === 'object' && 'userSig' in answer) issued.push(answer.userSig)
    return answer
  }
  render(
    <ChatSessionProvider chat={fake.chat} fetchUserSig={fetchUserSig} userID="alice" options={fake.options}>
      <SessionDevtools position={position} />
    </ChatSessionProvider>,
  )
  return { fake, issued }
}

describe('SessionDevtools in Chromium', () => {
  it('sits in the flow with position="inline" (inside an app\'s own developer panel)', async () => {
    setup('inline')
    const toggle = page.getByRole('button', { name: /Session devtools/ })
    await expect.element(toggle).toBeVisible()
    expect(getComputedStyle(toggle.element().closest('section') as HTMLElement).position).toBe('static')
  })

  it('opens from the keyboard, shows focus, walks the timeline with arrows, and copies without a UserSig', async () => {
    const { issued } = setup()
    const toggle = page.getByRole('button', { name: 'Session devtools · logged-in' })
    await expect.element(toggle).toBeVisible()
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'false')
    await userEvent.tab()
    await expect.element(toggle).toHaveFocus()
    // The focus ring is the theme's accent outline.
    expect(getComputedStyle(toggle.element()).outlineStyle).toBe('solid')
    await userEvent.keyboard('{Enter}')
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'true')
    const list = page.getByRole('list', { name: 'Timeline' })
    await expect.element(list.getByText('SDK ready')).toBeVisible()
    const first = list.getByRole('listitem').first()
    ;(first.element() as HTMLElement).focus()
    await userEvent.keyboard('{ArrowDown}')
    await expect.element(list.getByRole('listitem').nth(1)).toHaveFocus()

    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined)
    await userEvent.click(page.getByRole('button', { name: 'Copy diagnostics' }))
    await expect.element(page.getByRole('status')).toHaveTextContent('Copied (secrets redacted)')
    const copied = String(writeText.mock.calls[0]?.[0])
    expect(JSON.parse(copied).snapshot.status).toBe('logged-in')
    expect(issued.length).toBeGreaterThan(0)
    for (const sig of issued) {
      expect(copied).not.toContain(sig)
      expect(document.body.innerHTML).not.toContain(sig)
    }
  })

  it('floats above the page, within the viewport, and keeps working through a kick', async () => {
    const { fake } = setup()
    const toggle = page.getByRole('button', { name: 'Session devtools · logged-in' })
    await expect.element(toggle).toBeVisible()
    const panel = toggle.element().closest('section') as HTMLElement
    expect(getComputedStyle(panel).position).toBe('fixed')
    const box = panel.getBoundingClientRect()
    expect(box.right).toBeLessThanOrEqual(window.innerWidth)
    expect(box.bottom).toBeLessThanOrEqual(window.innerHeight)
    await userEvent.click(toggle)
    fake.kick('multi-device')
    await expect.element(page.getByText('kicked out', { exact: false }).first()).toBeVisible()
    await expect.element(page.getByRole('button', { name: /Session devtools · logged-out/ })).toBeVisible()
  })
})
