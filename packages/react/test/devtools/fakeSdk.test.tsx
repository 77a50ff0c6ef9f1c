import type { FetchUserSig } from '@chat-session/core'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { SessionDevtools, useSessionMetrics } from '../../src/devtools/index'
import { ChatSessionProvider, useLogin } from '../../src/index'
import { fakeChat, makeSig } from '../_session'

const FORBIDDEN_MESSAGE = 'marker-message-from-the-fetcher'

function Metrics(): ReactNode {
  const m = useSessionMetrics()
  const counts = Object.fromEntries(Object.entries(m.durations).map(([name, d]) => [name, d.count]))
  return <pre data-testid="metrics">{JSON.stringify({ counts, kicks: m.kicks, failures: m.failures })}</pre>
}

function LoginAs(props: { userID: string }): ReactNode {
  const login = useLogin()
  return (
    <button type="button" onClick={() => login.mutate(props.userID)}>
      Sign in {props.userID}
    </button>
  )
}

/** The real provider and engine on the fake SDK, the panel and the metrics hook reading its public trace. */
function setup() {
  const fake = fakeChat()
  const issued: string[] = []
  const fetchUserSig = vi.fn<FetchUserSig>(async (userID) => {
    if (userID === 'mallory') return { error: 'forbidden', message: FORBIDDEN_MESSAGE }
    const sig = makeSig(userID)
    issued.push(sig)
    return sig
  })
  render(
    <ChatSessionProvider
      chat={fake.chat}
      fetchUserSig={fetchUserSig}
      userID="alice"
      options={{ netLostAfter: 50 }}
    >
      <Metrics />
      <LoginAs userID="mallory" />
      <SessionDevtools initialOpen />
    </ChatSessionProvider>,
  )
  const metrics = () => JSON.parse(screen.getByTestId('metrics').textContent ?? '{}')
  const lines = () =>
    within(screen.getByRole('list', { name: 'Timeline' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '')
  return { ...fake, issued, metrics, lines }
}

describe('devtools on the real engine (fake SDK)', () => {
  it('shows a sign-in as calls, a timed fetch, the SDK login and its answer, ready, the event', async () => {
    const { lines, metrics } = setup()
    await waitFor(() => expect(lines().some((l) => l.includes('logged-in · alice'))).toBe(true))
    const text = lines().join('\n')
    expect(text).toContain('fetch UserSig · login · alice')
    expect(text).toMatch(/UserSig answer · expires .*\d+ ms/)
    expect(text).toContain('chat.login() · alice')
    expect(text).toMatch(/chat\.login\(\) answered · ok\d+ ms/)
    expect(text).toContain('SDK ready · alice')
    expect(metrics().counts).toEqual({ 'time-to-ready': 1, 'fetch-latency': 1, 'refresh-gap': 0, outage: 0 })
  })

  it('counts a kick by reason, an expiry refresh gap and an outage', async () => {
    const { chat, metrics, lines } = setup()
    await waitFor(() => expect(screen.getByText('status').nextSibling?.textContent).toBe('logged-in'))
    act(() => {
      chat.fake.expireSig()
    })
    await waitFor(() => expect(metrics().counts['refresh-gap']).toBe(1))
    expect(metrics().kicks).toEqual({ 'usersig-expired': 1 })
    expect(lines().join('\n')).toContain('fetch UserSig · expired · alice')
    act(() => chat.fake.setNet('disconnected'))
    act(() => chat.fake.setNet('connected'))
    await waitFor(() => expect(metrics().counts.outage).toBeGreaterThanOrEqual(1))
    act(() => {
      chat.fake.kick('multi-device')
    })
    await waitFor(() => expect(metrics().kicks).toEqual({ 'usersig-expired': 1, 'multi-device': 1 }))
  })

  it('never shows or copies a UserSig or the fetcher message, and counts the refusal by kind', async () => {
    const user = userEvent.setup()
    const { issued, metrics } = setup()
    await waitFor(() => expect(screen.getByText('status').nextSibling?.textContent).toBe('logged-in'))
    await user.click(screen.getByRole('button', { name: 'Sign in mallory' }))
    await waitFor(() => expect(metrics().failures).toEqual({ forbidden: 1 }))
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Copied'))
    const copied = await navigator.clipboard.readText()
    expect(JSON.parse(copied).snapshot.error.kind).toBe('forbidden')
    expect(issued.length).toBeGreaterThan(0)
    for (const sig of issued) {
      expect(copied).not.toContain(sig)
      expect(document.body.innerHTML).not.toContain(sig)
    }
    expect(copied).not.toContain(FORBIDDEN_MESSAGE)
    expect(document.body.innerHTML).not.toContain(FORBIDDEN_MESSAGE)
  })
})
