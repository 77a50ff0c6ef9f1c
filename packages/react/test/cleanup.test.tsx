import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChatSessionProvider, sessionKeys, useLogin, useLoginStatus, useUserSig } from '../src/index'
import { fakeChat } from './_session'
import { passTime } from './_time'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function Panel() {
  const sig = useUserSig()
  const login = useLogin()
  const { status } = useLoginStatus()
  return (
    <>
      <p data-testid="status">{status}</p>
      <p>{sig.data?.expiresAt ?? 'none'}</p>
      <button type="button" onClick={() => login.mutate('alice')}>
        Sign in
      </button>
    </>
  )
}

/** Signs in through the form's mutation, with useUserSig mounted, then unmounts everything. */
async function signInAndUnmount(wrap: (children: ReactNode) => ReactNode = (c) => c) {
  const { chat, fetchUserSig } = fakeChat()
  const view = render(
    wrap(
      <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig}>
        <Panel />
      </ChatSessionProvider>,
    ),
  )
  await passTime(50, 10)
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
  await passTime(200, 10)
  expect(screen.getByTestId('status').textContent).toBe('logged-in')
  view.unmount()
  // The app's own SDK instance is the app's to destroy; what is left after that is the kit's.
  await chat.destroy()
  await passTime(0)
}

describe('unmounting the provider', () => {
  it('leaves no timer behind (no app QueryClient)', async () => {
    await signInAndUnmount()
    expect(vi.getTimerCount()).toBe(0)
  })

  it("leaves neither timers nor the kit's queries and mutations in the app's QueryClient", async () => {
    const client = new QueryClient()
    // The app's own entry (kept forever, so it has no GC timer of its own) must stay.
    const app = client.getQueryCache().build(client, { queryKey: ['app', 'todos'], gcTime: Infinity })
    await signInAndUnmount((children) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    ))
    expect(client.getQueryCache().findAll({ queryKey: sessionKeys.all })).toEqual([])
    expect(client.getMutationCache().findAll({ mutationKey: sessionKeys.all })).toEqual([])
    expect(client.getQueryCache().getAll()).toEqual([app])
    expect(vi.getTimerCount()).toBe(0)
  })
})
