import type { SessionError } from '@chat-session/core'
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  ChatSessionProvider,
  useKicked,
  useLogin,
  useLoginStatus,
  useLogout,
  useNetState,
  useSessionContext,
  useSessionEvent,
  useUserSig,
} from '../src/index'
import { fakeChat } from './_session'

function setup(options: { userID?: string; netLostAfter?: number } = {}) {
  const fake = fakeChat()
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <ChatSessionProvider
      chat={fake.chat}
      fetchUserSig={fake.fetchUserSig}
      userID={options.userID}
      options={{ netLostAfter: options.netLostAfter ?? 50 }}
    >
      {children}
    </ChatSessionProvider>
  )
  return { ...fake, wrapper }
}

describe('hooks', () => {
  it('useLoginStatus follows the login: logging-in, then logged-in with the user', async () => {
    const { wrapper } = setup({ userID: 'alice' })
    const { result } = renderHook(() => useLoginStatus(), { wrapper })
    expect(result.current).toEqual({ status: 'logging-in', userID: 'alice', isLoggedIn: false })
    await waitFor(() =>
      expect(result.current).toEqual({ status: 'logged-in', userID: 'alice', isLoggedIn: true }),
    )
  })

  it('useLogin is a mutation over the single-flight login: pending, then done; two calls make one SDK login', async () => {
    const { wrapper, chat, fetchUserSig } = setup()
    const pending: boolean[] = []
    const { result } = renderHook(
      () => {
        const login = useLogin()
        pending.push(login.isPending)
        return { login, status: useLoginStatus() }
      },
      { wrapper },
    )
    act(() => {
      result.current.login.mutate('alice')
      result.current.login.mutate('alice')
    })
    await waitFor(() => expect(result.current.login.isSuccess).toBe(true))
    expect(pending).toContain(true)
    expect(result.current.status.isLoggedIn).toBe(true)
    expect(chat.fake.calls.login).toBe(1)
    expect(fetchUserSig).toHaveBeenCalledTimes(1)
  })

  it('useLogin surfaces a typed error, and reset() clears it', async () => {
    const { wrapper } = setup()
    const { result } = renderHook(() => useLogin(), { wrapper })
    act(() => result.current.mutate('not valid!'))
    await waitFor(() => expect(result.current.isError).toBe(true))
    const error: SessionError | null = result.current.error
    expect(error?.kind).toBe('invalid-user-id')
    act(() => result.current.reset())
    await waitFor(() => expect(result.current.error).toBeNull())
  })

  it('useLogout signs out and the SDK agrees', async () => {
    const { wrapper, chat } = setup({ userID: 'alice' })
    const { result } = renderHook(() => ({ logout: useLogout(), status: useLoginStatus() }), { wrapper })
    await waitFor(() => expect(result.current.status.isLoggedIn).toBe(true))
    await act(() => result.current.logout.mutateAsync())
    expect(result.current.status.status).toBe('logged-out')
    expect(chat.isReady()).toBe(false)
  })

  it('useNetState reports the connection, netLost after the grace period, and the browser being offline', async () => {
    const { wrapper, chat } = setup({ userID: 'alice', netLostAfter: 30 })
    const { result } = renderHook(() => useNetState(), { wrapper })
    await waitFor(() => expect(chat.isReady()).toBe(true))
    act(() => chat.fake.setNet('connecting'))
    expect(result.current).toEqual({ net: 'connecting', netLost: false, browserOffline: false })
    await waitFor(() => expect(result.current.netLost).toBe(true))
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    act(() => {
      window.dispatchEvent(new Event('offline'))
    })
    expect(result.current.browserOffline).toBe(true)
    onLine.mockRestore()
    act(() => {
      window.dispatchEvent(new Event('online'))
      chat.fake.setNet('connected')
    })
    expect(result.current).toEqual({ net: 'connected', netLost: false, browserOffline: false })
  })

  it('useKicked gives the reason and the user; useSessionEvent calls the latest handler', async () => {
    const { wrapper, chat } = setup({ userID: 'alice' })
    const seen: string[] = []
    const { result, rerender } = renderHook(
      ({ tag }: { tag: string }) => {
        useSessionEvent('kicked', (k) => seen.push(`${tag}:${k.reason}`))
        return useKicked()
      },
      { wrapper, initialProps: { tag: 'first' } },
    )
    await waitFor(() => expect(chat.isReady()).toBe(true))
    rerender({ tag: 'second' })
    act(() => {
      chat.fake.kick('multi-device')
    })
    await waitFor(() => expect(result.current).toMatchObject({ reason: 'multi-device', userID: 'alice' }))
    expect(seen).toEqual(['second:multi-device'])
  })

  it('useUserSig exposes the expiry, never the sig; refetch() fetches a fresh sig in the background', async () => {
    const { wrapper, chat, fetchUserSig } = setup({ userID: 'alice' })
    const { result } = renderHook(() => ({ sig: useUserSig(), client: useSessionContext().queryClient }), {
      wrapper,
    })
    await waitFor(() => expect(result.current.sig.data?.userID).toBe('alice'))
    expect(result.current.sig.data?.expiresAt).toBeGreaterThan(Date.now())
    expect(fetchUserSig).toHaveBeenCalledTimes(1) // no fetch just for reading
    await act(() => result.current.sig.refetch())
    expect(fetchUserSig).toHaveBeenCalledTimes(2)
    expect(fetchUserSig.mock.calls[1]?.[1].reason).toBe('proactive')
    expect(chat.fake.calls.login).toBe(1) // kept for the next expiry, no re-login now
    const sigs = fetchUserSig.mock.results.map((r) => r.value)
    const cached = JSON.stringify(
      result.current.client
        .getQueryCache()
        .getAll()
        .map((q) => q.state),
    )
    for (const sig of await Promise.all(sigs)) expect(cached).not.toContain(String(sig))
  })

  it('a fetcher returning forbidden shows up as a forbidden error in useLogin', async () => {
    const fake = fakeChat()
    function Form() {
      const login = useLogin()
      return (
        <>
          <button type="button" onClick={() => login.mutate('alice')}>
            Sign in
          </button>
          {login.error && <p role="alert">{login.error.kind}</p>}
        </>
      )
    }
    render(
      <ChatSessionProvider chat={fake.chat} fetchUserSig={async () => ({ error: 'forbidden' })}>
        <Form />
      </ChatSessionProvider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect((await screen.findByRole('alert')).textContent).toBe('forbidden')
  })
})
