import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ChatSessionProvider, useLoginStatus, useSession, useSessionContext } from '../src/index'
import { fakeChat, SDK_APP_ID } from './_session'

function Status() {
  const { status, userID } = useLoginStatus()
  const error = useSession((s) => s.error)
  return (
    <p>
      {status} {userID ?? '-'} {error ? `error:${error.kind}` : ''}
    </p>
  )
}

describe('ChatSessionProvider', () => {
  it('signs the given user in once under StrictMode double mount', async () => {
    const { chat, fetchUserSig } = fakeChat()
    render(
      <StrictMode>
        <ChatSessionProvider
          chat={chat}
          fetchUserSig={fetchUserSig}
          userID="alice"
          options={{ sdkAppId: SDK_APP_ID }}
        >
          <Status />
        </ChatSessionProvider>
      </StrictMode>,
    )
    expect(await screen.findByText(/logged-in alice/)).toBeTruthy()
    expect(chat.fake.calls.login).toBe(1)
    expect(fetchUserSig).toHaveBeenCalledTimes(1)
  })

  it('a new inline fetcher every render never causes a new login or a new session', async () => {
    const { chat } = fakeChat()
    const calls: string[] = []
    const { fetchUserSig: base } = fakeChat()
    let session: unknown
    function Probe() {
      session ??= useSessionContext().session
      expect(useSessionContext().session).toBe(session)
      return null
    }
    const ui = (n: number) => (
      <ChatSessionProvider
        chat={chat}
        userID="alice"
        fetchUserSig={(id, ctx) => {
          calls.push(`render ${n}`)
          return base(id, ctx)
        }}
      >
        <Status />
        <Probe />
      </ChatSessionProvider>
    )
    const { rerender } = render(ui(0))
    await screen.findByText(/logged-in alice/)
    for (let n = 1; n <= 10; n++) rerender(ui(n))
    await act(() => new Promise((r) => setTimeout(r, 20)))
    expect(chat.fake.calls.login).toBe(1)
    expect(calls).toEqual(['render 0'])
  })

  it('switches user when the userID prop changes (logout, then login), and signs out on null', async () => {
    const { chat, fetchUserSig } = fakeChat()
    const ui = (userID: string | null) => (
      <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID={userID}>
        <Status />
      </ChatSessionProvider>
    )
    const { rerender } = render(ui('alice'))
    await screen.findByText(/logged-in alice/)
    rerender(ui('bob'))
    await screen.findByText(/logged-in bob/)
    expect(chat.getLoginUser()).toBe('bob')
    expect(chat.fake.calls.logout).toBe(1)
    rerender(ui(null))
    await screen.findByText(/logged-out/)
    expect(chat.isReady()).toBe(false)
  })

  it('unmounting during a login leaves no listeners and applies nothing afterwards', async () => {
    const { chat } = fakeChat()
    let release!: () => void
    const fetchUserSig = vi.fn(
      (_id: string, { signal }: { signal: AbortSignal }) =>
        new Promise<string>((_resolve, reject) => {
          release = () => reject(new Error('late'))
          signal.addEventListener('abort', () => reject(signal.reason))
        }),
    )
    const errors = vi.spyOn(console, 'error')
    const { unmount } = render(
      <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID="alice">
        <Status />
      </ChatSessionProvider>,
    )
    await screen.findByText(/logging-in alice/)
    unmount()
    await new Promise((r) => setTimeout(r, 10))
    expect(fetchUserSig.mock.calls[0]?.[1].signal.aborted).toBe(true)
    release()
    await new Promise((r) => setTimeout(r, 10))
    expect(chat.fake.listenerCount()).toBe(0)
    expect(chat.fake.calls.login).toBe(0)
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()
  })

  it('a fetcher answering forbidden ends logged-out with a forbidden error, and no SDK login', async () => {
    const { chat } = fakeChat()
    render(
      <ChatSessionProvider chat={chat} fetchUserSig={async () => ({ error: 'forbidden' })} userID="alice">
        <Status />
      </ChatSessionProvider>,
    )
    expect(await screen.findByText(/logged-out - error:forbidden/)).toBeTruthy()
    expect(chat.fake.calls.login).toBe(0)
  })

  it('uses the QueryClient it is given, else the one in context, else its own', async () => {
    const { chat, fetchUserSig } = fakeChat()
    const given = new QueryClient()
    const inContext = new QueryClient()
    const seen: QueryClient[] = []
    function Probe() {
      seen.push(useSessionContext().queryClient)
      return null
    }
    render(
      <QueryClientProvider client={inContext}>
        <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} queryClient={given}>
          <Probe />
        </ChatSessionProvider>
        <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig}>
          <Probe />
        </ChatSessionProvider>
      </QueryClientProvider>,
    )
    render(
      <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig}>
        <Probe />
      </ChatSessionProvider>,
    )
    expect(seen[0]).toBe(given)
    expect(seen[1]).toBe(inContext)
    expect(seen[2]).toBeInstanceOf(QueryClient)
    expect(seen[2]).not.toBe(given)
    expect(seen[2]).not.toBe(inContext)
  })

  it('hooks outside the provider throw a clear error', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<Status />)).toThrow(/inside <ChatSessionProvider>/)
    errors.mockRestore()
  })

  it('a new chat instance gets a new session; the old one is disposed', async () => {
    const first = fakeChat()
    const second = fakeChat()
    const ui = (chat: typeof first.chat) => (
      <ChatSessionProvider chat={chat} fetchUserSig={first.fetchUserSig} userID="alice">
        <Status />
      </ChatSessionProvider>
    )
    const { rerender } = render(ui(first.chat))
    await screen.findByText(/logged-in alice/)
    rerender(ui(second.chat))
    await waitFor(() => expect(second.chat.isReady()).toBe(true))
    await new Promise((r) => setTimeout(r, 10))
    expect(first.chat.fake.listenerCount()).toBe(0)
  })
})
