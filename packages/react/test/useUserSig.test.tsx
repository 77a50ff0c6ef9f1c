import type { FetchUserSig } from '@chat-session/core'
import { createFakeChat, createFakeChatService, signUserSig } from '@chat-session/testing'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ChatSessionProvider, useSessionEvent, useUserSig } from '../src/index'
import { fakeChat, SDK_APP_ID } from './_session'
import { passTime } from './_time'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const SECRET_KEY = 'user-sig-tests-key-not-a-real-one'
const DAY = 86_400_000

/** Shows the expiry `useUserSig` reports, and a button that refetches and shows what `refetch()` resolved. */
function Expiry() {
  const sig = useUserSig()
  const [resolved, setResolved] = useState<number | null | undefined>()
  return (
    <>
      <p data-testid="expiry">{sig.data?.expiresAt ?? 'none'}</p>
      <button type="button" onClick={() => sig.refetch().then((r) => setResolved(r.data?.expiresAt))}>
        Renew now
      </button>
      {resolved !== undefined && <p data-testid="resolved">{resolved}</p>}
    </>
  )
}

describe('useUserSig', () => {
  it('shows what refetch() resolved, and keeps showing it', async () => {
    const { chat, fetchUserSig } = fakeChat()
    render(
      <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID="alice">
        <Expiry />
      </ChatSessionProvider>,
    )
    await waitFor(() => expect(screen.getByTestId('expiry').textContent).not.toBe('none'))
    const first = screen.getByTestId('expiry').textContent
    fireEvent.click(screen.getByRole('button', { name: 'Renew now' }))
    const resolved = (await screen.findByTestId('resolved')).textContent
    expect(resolved).not.toBe(first)
    // More renders (another refetch answered by the one in flight, a re-render of the provider) change nothing.
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)))
    expect(screen.getByTestId('expiry').textContent).toBe(resolved)
    expect(fetchUserSig).toHaveBeenCalledTimes(2)
  })

  it('with an 8 s UserSig, each sign-in (the first and every renewal) costs exactly one fetch', async () => {
    vi.useFakeTimers()
    const service = createFakeChatService({
      sdkAppId: SDK_APP_ID,
      secretKey: SECRET_KEY,
      helloInterval: 1_000,
    })
    const chat = createFakeChat({ service })
    const fetchUserSig = vi.fn<FetchUserSig>((userID) =>
      signUserSig({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, userID, expireSeconds: 8 }),
    )
    const fetchesAtLogin: number[] = []
    function Logins() {
      useSessionEvent('logged-in', () => fetchesAtLogin.push(fetchUserSig.mock.calls.length))
      return null
    }
    const view = render(
      <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID="alice">
        <Logins />
        <Expiry />
      </ChatSessionProvider>,
    )
    await passTime(30_000)
    expect(fetchesAtLogin.length).toBeGreaterThanOrEqual(4)
    expect(fetchesAtLogin).toEqual(fetchesAtLogin.map((_, i) => i + 1))
    view.unmount()
    await chat.destroy().catch(() => {})
  })

  it('a client clock 8 days ahead makes no fetch when the component mounts again', async () => {
    // The server's clock is right and its sigs last a day; only the browser's clock is ahead.
    const service = createFakeChatService({ sdkAppId: SDK_APP_ID, verifySig: false })
    const chat = createFakeChat({ service })
    const realNow = Date.now()
    const fetchUserSig = vi.fn<FetchUserSig>((userID) =>
      signUserSig({
        sdkAppId: SDK_APP_ID,
        secretKey: SECRET_KEY,
        userID,
        expireSeconds: 86_400,
        now: realNow,
      }),
    )
    const now = Date.now
    vi.spyOn(Date, 'now').mockImplementation(() => now() + 8 * DAY)
    function Page() {
      const [shown, setShown] = useState(true)
      return (
        <>
          <button type="button" onClick={() => setShown((s) => !s)}>
            Toggle
          </button>
          {shown && <Expiry />}
        </>
      )
    }
    render(
      <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID="alice">
        <Page />
      </ChatSessionProvider>,
    )
    await waitFor(() => expect(screen.getByTestId('expiry').textContent).not.toBe('none'))
    // Whatever the engine itself fetched after signing in, settled before counting.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    const before = fetchUserSig.mock.calls.length
    for (let i = 0; i < 10; i++) {
      fireEvent.click(screen.getByRole('button', { name: 'Toggle' }))
      fireEvent.click(screen.getByRole('button', { name: 'Toggle' }))
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)))
    }
    expect(screen.getByTestId('expiry').textContent).not.toBe('none')
    expect(fetchUserSig.mock.calls.length).toBe(before)
  })
})
