import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { type ReactNode, useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ConnectionBanner,
  LoginStatusBadge,
  SessionGate,
  SessionUI,
  type TabPausedModel,
  TabPausedNotice,
  useLoginStatus,
  useSessionEvent,
  useTabPaused,
} from '../src/index'
import { renderTwoTabs } from './_tabs'

const tabs: { dispose(): void }[] = []
afterEach(() => {
  for (const t of tabs.splice(0)) t.dispose()
})
const twoTabs = (...args: Parameters<typeof renderTwoTabs>) => {
  const t = renderTwoTabs(...args)
  tabs.push(t)
  return t
}
const sleep = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)))

const TITLE = 'Chat is open in another tab'
const TEXT = 'alice is using chat in another tab of this browser. It continues here when you come back.'
const badge = () => screen.getByText(/^(Online|In another tab|Signing in…|Signed out)$/)

function App({ fallback }: { fallback?: ReactNode }) {
  return (
    <>
      <LoginStatusBadge />
      <SessionUI />
      <SessionGate fallback={fallback ?? <p>Connecting…</p>} loggedOut={<p>Please sign in.</p>}>
        <p>The chat app</p>
      </SessionGate>
    </>
  )
}

describe('a tab whose session this browser’s other tab took (tabs: follow-focus, the default)', () => {
  it('pauses quietly: a polite notice with "Use here", no dialog, no fetch, the app stays, the badge says so', async () => {
    const t = twoTabs(<App />)
    await screen.findByText('Online')
    await t.openOther()
    const notice = await screen.findByText(TITLE)
    const region = notice.closest('[role="status"]') as HTMLElement
    expect(region).not.toBeNull()
    expect(region.textContent).toBe(`${TITLE} ${TEXT}`)
    expect(screen.getByRole('button', { name: 'Use here' })).toBeTruthy()
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(screen.getByText('The chat app')).toBeTruthy()
    expect(badge().textContent).toBe('In another tab')
    expect(badge().closest('[data-state]')?.getAttribute('data-state')).toBe('paused')
    expect(t.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(t.service.sessions()).toEqual({ alice: 1 })
  })

  it('"Use here" takes the session back here: "Signing in…" while it runs, then online; the other tab pauses', async () => {
    const t = twoTabs(<App />, { latency: 40 })
    await screen.findByText('Online', {}, { timeout: 3000 })
    await t.openOther()
    fireEvent.click(await screen.findByRole('button', { name: 'Use here' }))
    const pending = await screen.findByRole('button', { name: 'Signing in…' })
    expect(pending.getAttribute('aria-disabled')).toBe('true')
    // Still the notice, not a dialog, and still the app.
    expect(screen.getByText(TITLE)).toBeTruthy()
    expect(screen.getByText('The chat app')).toBeTruthy()
    await waitFor(() => expect(badge().textContent).toBe('Online'), { timeout: 3000 })
    expect(screen.queryByText(TITLE)).toBeNull()
    expect(screen.queryByRole('button', { name: /Use here|Signing in/ })).toBeNull()
    await waitFor(() => expect(t.other.getSnapshot().status).toBe('paused'))
    expect(t.service.sessions()).toEqual({ alice: 1 })
  })

  it('takes the session back by itself on the first key or pointer press, keeping the app mounted throughout', async () => {
    const fallback = vi.fn(() => null)
    const Fallback = () => fallback()
    const t = twoTabs(<App fallback={<Fallback />} />)
    await screen.findByText('Online')
    fallback.mockClear()
    await t.openOther()
    await screen.findByText(TITLE)
    act(() => t.here.engaged())
    await waitFor(() => expect(badge().textContent).toBe('Online'))
    expect(screen.queryByText(TITLE)).toBeNull()
    expect(fallback).not.toHaveBeenCalled()
    expect(screen.getByText('The chat app')).toBeTruthy()
    await waitFor(() => expect(t.other.getSnapshot().status).toBe('paused'))
  })

  it('takes it back after focus that lasts, not after a glance', async () => {
    const t = twoTabs(<App />, { options: { takeoverDwell: 150 } })
    await screen.findByText('Online')
    await t.openOther()
    await screen.findByText(TITLE)
    act(() => t.here.focus(true))
    await sleep(50)
    act(() => t.here.focus(false))
    await sleep(250)
    expect(badge().textContent).toBe('In another tab')
    act(() => t.here.focus(true))
    await waitFor(() => expect(badge().textContent).toBe('Online'))
  })

  it('says nothing on the connection banner while paused, even when the SDK reports a lost connection', async () => {
    const t = twoTabs(
      <>
        <LoginStatusBadge />
        <ConnectionBanner />
        <TabPausedNotice />
      </>,
      { options: { netLostAfter: 30 } },
    )
    await screen.findByText('Online')
    await t.openOther()
    await screen.findByText(TITLE)
    act(() => t.chat.fake.setNet('connecting'))
    await sleep(120)
    expect(screen.queryByText('Reconnecting…')).toBeNull()
    expect(document.querySelector('.csk-banner')?.getAttribute('data-state')).toBe('hidden')
  })

  it('is signed out when the user signs out in the other tab', async () => {
    const t = twoTabs(<App />)
    await screen.findByText('Online')
    await t.openOther()
    await screen.findByText(TITLE)
    await act(() => t.other.logout())
    await screen.findByText('Please sign in.')
    expect(screen.queryByText(TITLE)).toBeNull()
    expect(badge().textContent).toBe('Signed out')
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('still opens the kicked dialog for another device', async () => {
    const t = twoTabs(<App />)
    await screen.findByText('Online')
    t.chat.fake.kick('multi-device')
    await screen.findByRole('alertdialog', { name: 'Signed in on another device' })
    expect(screen.queryByText(TITLE)).toBeNull()
  })

  it('fires the paused event, then logged-in when it takes the session back', async () => {
    const seen: string[] = []
    function Listen() {
      useSessionEvent('paused', (e) => seen.push(`paused ${e.userID}`))
      useSessionEvent('logged-in', (e) => seen.push(`logged-in ${e.userID}`))
      return null
    }
    const t = twoTabs(
      <>
        <Listen />
        <LoginStatusBadge />
      </>,
    )
    await screen.findByText('Online')
    await t.openOther()
    await screen.findByText('In another tab')
    act(() => t.here.engaged())
    await screen.findByText('Online')
    expect(seen).toEqual(['logged-in alice', 'paused alice', 'logged-in alice'])
  })

  it('shows the zh-CN strings', async () => {
    const t = twoTabs(
      <>
        <LoginStatusBadge />
        <TabPausedNotice />
      </>,
      { locale: 'zh-CN' },
    )
    await screen.findByText('在线')
    await t.openOther()
    const title = await screen.findByText('聊天已在另一个标签页中打开')
    expect(title.closest('[role="status"]')?.textContent).toContain(
      'alice 正在此浏览器的另一个标签页中使用聊天。',
    )
    expect(screen.getByText('在其他标签页')).toBeTruthy()
    expect(screen.getByRole('button', { name: '在此使用' })).toBeTruthy()
  })
})

describe('useTabPaused', () => {
  it('says paused with the user and the texts, and useHere() takes the session back (pending meanwhile)', async () => {
    const latest: { hook?: TabPausedModel; status?: string } = {}
    function Probe() {
      latest.hook = useTabPaused()
      latest.status = useLoginStatus().status
      return null
    }
    const t = twoTabs(<Probe />, { latency: 40 })
    await waitFor(() => expect(latest.status).toBe('logged-in'), { timeout: 3000 })
    expect(latest.hook).toMatchObject({
      paused: false,
      pending: false,
      userID: null,
      useHereLabel: 'Use here',
    })
    await t.openOther()
    await waitFor(() => expect(latest.hook?.paused).toBe(true))
    expect(latest.hook).toMatchObject({ pending: false, userID: 'alice', title: TITLE, text: TEXT })
    expect(t.fetchUserSig).toHaveBeenCalledTimes(1)
    act(() => latest.hook?.useHere())
    await waitFor(() =>
      expect(latest.hook).toMatchObject({
        paused: false,
        pending: true,
        userID: 'alice',
        useHereLabel: 'Signing in…',
      }),
    )
    await waitFor(() => expect(latest.status).toBe('logged-in'), { timeout: 3000 })
    expect(latest.hook).toMatchObject({ paused: false, pending: false, userID: null })
  })

  it('is never paused under tabs: ask: the kicked dialog offers "Use here" instead', async () => {
    const latest: { paused?: boolean } = {}
    function Probe() {
      latest.paused = useTabPaused().paused
      return null
    }
    const t = twoTabs(
      <>
        <Probe />
        <LoginStatusBadge />
        <SessionUI />
      </>,
      { options: { tabs: 'ask' } },
    )
    await screen.findByText('Online')
    await t.openOther()
    const dialog = await screen.findByRole('alertdialog', { name: 'Chat opened in another tab' })
    expect(within(dialog).getByRole('button', { name: 'Use here' })).toBeTruthy()
    expect(latest.paused).toBe(false)
    expect(screen.queryByText(TITLE)).toBeNull()
    expect(badge().textContent).toBe('Signed out')
  })
})

describe('SessionGate while paused', () => {
  it('renders `paused` (default: `fallback`) when it never saw this tab signed in as that user', async () => {
    let mountGates = () => {}
    // Mounted only once paused, e.g. a route the user opens in the paused tab.
    function Later() {
      const [on, setOn] = useState(false)
      mountGates = () => setOn(true)
      if (!on) return null
      return (
        <>
          <SessionGate fallback={<p>Connecting…</p>} paused={<p>Open in another tab</p>}>
            <p>The chat app</p>
          </SessionGate>
          <SessionGate fallback={<p>Default fallback</p>}>
            <p>The chat app</p>
          </SessionGate>
        </>
      )
    }
    const t = twoTabs(
      <>
        <LoginStatusBadge />
        <Later />
      </>,
    )
    await screen.findByText('Online')
    await t.openOther()
    await screen.findByText('In another tab')
    act(() => mountGates())
    expect(screen.getByText('Open in another tab')).toBeTruthy()
    expect(screen.getByText('Default fallback')).toBeTruthy()
    expect(screen.queryByText('The chat app')).toBeNull()
    act(() => t.here.engaged())
    await waitFor(() => expect(screen.getAllByText('The chat app')).toHaveLength(2))
  })
})

it('renders nothing but an empty live region outside a pause', async () => {
  const { container } = twoTabs(
    <>
      <LoginStatusBadge />
      <TabPausedNotice />
    </>,
  )
  await screen.findByText('Online')
  expect(container.querySelector('.csk-notice')?.getAttribute('data-state')).toBe('hidden')
  expect(screen.getByRole('status').textContent).toBe('')
  expect(screen.queryByRole('button')).toBeNull()
})
