import type { ChatLike } from '@chat-session/core'
import { createFakeChat, type FakeChat } from '@chat-session/testing'
import { act, render, screen, waitFor } from '@testing-library/react'
import { type ReactNode, StrictMode, useEffect } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ChatSessionProvider, SessionGate, useChat, useLoginStatus, useNetState } from '../src/index'
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

  it('replaces an instance whose login is stuck offline: useChat() gives the fresh one, effects bound to the old move to it', async () => {
    const { service, fetchUserSig } = fakeChat()
    const made: FakeChat[] = []
    const create = vi.fn(() => {
      const chat = createFakeChat({ service })
      // The first instance's socket fails to open, as the SDK reports it (after create()): its login waits for
      // a connection, which the SDK would retry only a minute later.
      if (made.length === 0) queueMicrotask(() => chat.fake.setNet('disconnected'))
      made.push(chat)
      return chat
    })
    const onMessage = vi.fn()
    function Messages(): ReactNode {
      const chat = useChat<FakeChat>()
      const { net } = useNetState()
      // What an app's message list does: listen on the instance it is given, and let go of it on change.
      useEffect(() => {
        chat?.on('onMessageReceived', onMessage)
        return () => chat?.off('onMessageReceived', onMessage)
      }, [chat])
      return <p data-testid="instance">{`${made.indexOf(chat as FakeChat)} ${net}`}</p>
    }
    render(
      <ChatSessionProvider chat={create} fetchUserSig={fetchUserSig} userID="alice">
        <Status />
        <Messages />
      </ChatSessionProvider>,
    )
    await waitFor(() => expect(screen.getByTestId('instance').textContent).toBe('0 disconnected'))
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('logged-in with chat'), {
      timeout: 5000,
    })
    expect(screen.getByTestId('instance').textContent).toBe('1 connected')
    expect(create).toHaveBeenCalledTimes(2)
    const [stuck, fresh] = made as [FakeChat, FakeChat]
    expect(stuck.fake.calls.destroy).toBe(1)
    // Nothing listens to the destroyed instance any more, neither the kit nor the app's effect.
    expect(stuck.fake.listenerCount()).toBe(0)
    expect(fresh.isReady()).toBe(true)
    expect(fresh.fake.calls.login).toBe(1)
    // One sig for both logins: the replacement does not fetch again.
    expect(fetchUserSig).toHaveBeenCalledTimes(1)
  })
})
