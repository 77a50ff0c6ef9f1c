import type { ChatLike } from '@chat-session/core'
import { act, render, screen, waitFor } from '@testing-library/react'
import { type ReactNode, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ChatSessionProvider, SessionGate, useChat, useLoginStatus } from '../src/index'
import { fakeChat } from './_session'

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

function Status() {
  const { status } = useLoginStatus()
  const chat = useChat()
  return (
    <p data-testid="status">
      {status} {chat ? 'with chat' : 'no chat'}
    </p>
  )
}

function app(
  create: () => ChatLike,
  fetchUserSig: ReturnType<typeof fakeChat>['fetchUserSig'],
  strict: boolean,
) {
  const tree = (
    <ChatSessionProvider chat={create} fetchUserSig={fetchUserSig} userID="alice">
      <SessionGate fallback={<p>Signing in…</p>} loggedOut={<p>Signed out</p>}>
        <p>Chat</p>
      </SessionGate>
      <Status />
    </ChatSessionProvider>
  )
  return strict ? <StrictMode>{tree}</StrictMode> : tree
}

describe('the chat prop as a factory', () => {
  it.each([
    ['', false],
    [' under StrictMode', true],
  ])(
    'server HTML hydrates without warnings%s; the factory runs once, after hydration',
    async (_name, strict) => {
      const fake = fakeChat()
      const create = vi.fn(() => fake.chat)
      const html = renderToString(app(create, fake.fetchUserSig, strict))
      expect(create).not.toHaveBeenCalled()
      expect(html).toContain('Signed out')
      expect(html).toContain('no chat')

      const container = document.createElement('div')
      container.innerHTML = html
      document.body.append(container)
      const errors = vi.spyOn(console, 'error')
      const recoverable = vi.fn()
      await act(async () => {
        hydrateRoot(container, app(create, fake.fetchUserSig, strict), { onRecoverableError: recoverable })
      })
      await waitFor(() => expect(container.textContent).toContain('logged-in with chat'))
      expect(container.textContent).toContain('Chat')
      expect(errors).not.toHaveBeenCalled()
      expect(recoverable).not.toHaveBeenCalled()
      expect(create).toHaveBeenCalledTimes(1)
      expect(fake.chat.fake.calls.login).toBe(1)
    },
  )

  it('is called once: a new inline factory on a later render is ignored', async () => {
    const fake = fakeChat()
    const first = vi.fn(() => fake.chat)
    const later = vi.fn(() => fakeChat().chat)
    const tree = (create: () => ChatLike) => (
      <ChatSessionProvider chat={create} fetchUserSig={fake.fetchUserSig} userID="alice">
        <Status />
      </ChatSessionProvider>
    )
    const view = render(tree(first))
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('logged-in with chat'))
    view.rerender(tree(later))
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(screen.getByTestId('status').textContent).toBe('logged-in with chat')
    expect(first).toHaveBeenCalledTimes(1)
    expect(later).not.toHaveBeenCalled()
    expect(fake.chat.fake.calls.login).toBe(1)
  })

  it("the instance it made is the provider's: destroyed on the final unmount, not on StrictMode's remount", async () => {
    const fake = fakeChat()
    const create = vi.fn(() => fake.chat)
    const view = render(
      <StrictMode>
        <ChatSessionProvider chat={create} fetchUserSig={fake.fetchUserSig} userID="alice">
          <Status />
        </ChatSessionProvider>
      </StrictMode>,
    )
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('logged-in with chat'))
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(fake.chat.fake.calls.destroy).toBe(0)
    view.unmount()
    await waitFor(() => expect(fake.chat.fake.calls.destroy).toBe(1))
    expect(create).toHaveBeenCalledTimes(1)
  })

  it('an instance the app passed is the app’s: never destroyed by the provider', async () => {
    const fake = fakeChat()
    let seen: unknown
    function Peek(): ReactNode {
      seen = useChat()
      return null
    }
    const view = render(
      <ChatSessionProvider chat={fake.chat} fetchUserSig={fake.fetchUserSig} userID="alice">
        <Peek />
      </ChatSessionProvider>,
    )
    expect(seen).toBe(fake.chat)
    await waitFor(() => expect(fake.chat.isReady()).toBe(true))
    view.unmount()
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(fake.chat.fake.calls.destroy).toBe(0)
  })
})
