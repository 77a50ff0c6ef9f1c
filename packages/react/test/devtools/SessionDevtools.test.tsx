import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { SessionDevtools } from '../../src/devtools/index'
import {
  MARKER_MESSAGE,
  MARKER_SIG,
  playLeakyFailure,
  playSignIn,
  traceDouble,
  withDouble,
} from './_traceDouble'

async function setup(props: { initialOpen?: boolean } = {}) {
  const user = userEvent.setup()
  const t = traceDouble()
  const Wrapper = withDouble(t)
  render(
    <Wrapper>
      <SessionDevtools {...props} />
    </Wrapper>,
  )
  const toggle = await screen.findByRole('button', { name: /Session devtools/ })
  return { user, t, toggle }
}

const timeline = () => screen.getByRole('list', { name: 'Timeline' })

describe('SessionDevtools', () => {
  it('is a collapsed disclosure button until opened, then shows the live snapshot', async () => {
    const { user, t, toggle } = await setup()
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByText('Snapshot')).toBeNull()
    await user.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    expect(screen.getByText('status').nextSibling?.textContent).toContain('logged-out')
    act(() => playSignIn(t))
    expect(screen.getByText('status').nextSibling?.textContent).toContain('logged-in')
    expect(screen.getByText('userID').nextSibling?.textContent).toContain('alice')
    expect(toggle.textContent).toBe('Session devtools · logged-in')
  })

  it('lists what happened with relative times and, for answers, durations', async () => {
    const { t } = await setup({ initialOpen: true })
    act(() => playSignIn(t))
    const items = within(timeline()).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual([
      '+0.000 scalllogin() · alice',
      '+0.000 sfetchfetch UserSig · login · alice',
      '+0.120 sfetchUserSig answer · expires 2033-05-18T03:33:20.000Z120 ms',
      '+0.120 ssdkchat.login() · alice',
      '+0.150 ssdkchat.login() answered · ok30 ms',
      '+0.150 ssdkSDK ready · alice',
      '+0.150 seventlogged-in · alice',
    ])
    expect(screen.getByText('time-to-ready').nextSibling?.textContent).toContain('last 150 ms')
  })

  it('shows timers set with their delay, fired, and cancelled (a fired one is not also cancelled)', async () => {
    const { t } = await setup({ initialOpen: true })
    act(() => {
      t.timers({ login: t.now() + 20_000, net: t.now() + 4000 })
      t.wait(4000)
      t.input({ type: 'timer', timer: 'net' })
      t.timers({ login: t.now() + 16_000 })
      t.timers({})
    })
    expect(
      within(timeline())
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '+0.000 stimerlogin timer set · in 20.000 s',
      '+0.000 stimernet timer set · in 4.000 s',
      '+4.000 stimernet timer fired',
      '+4.000 stimerlogin timer cancelled',
    ])
  })

  it('filters the timeline by kind', async () => {
    const { user, t } = await setup({ initialOpen: true })
    act(() => playSignIn(t))
    await user.click(screen.getByRole('checkbox', { name: 'fetch' }))
    await user.click(screen.getByRole('checkbox', { name: 'sdk' }))
    expect(
      within(timeline())
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['+0.000 scalllogin() · alice', '+0.150 seventlogged-in · alice'])
    await user.click(screen.getByRole('checkbox', { name: 'fetch' }))
    expect(within(timeline()).getAllByRole('listitem')).toHaveLength(4)
  })

  it('is one Tab stop for the list, read with the arrow keys, Home and End', async () => {
    const { user, t, toggle } = await setup()
    act(() => playSignIn(t))
    toggle.focus()
    await user.keyboard('{Enter}')
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const items = within(timeline()).getAllByRole('listitem')
    // Past the filter checkboxes to the list.
    for (let i = 0; i < 8 && document.activeElement !== items[0]; i++) await user.tab()
    expect(document.activeElement).toBe(items[0])
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(document.activeElement).toBe(items[2])
    await user.keyboard('{End}')
    expect(document.activeElement).toBe(items.at(-1))
    await user.keyboard('{Home}{ArrowUp}')
    expect(document.activeElement).toBe(items[0])
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy diagnostics' }))
  })

  it('copies diagnostics JSON for a bug report with the UserSig, a2Key and messages redacted', async () => {
    const { user, t } = await setup({ initialOpen: true })
    act(() => {
      playSignIn(t)
      playLeakyFailure(t)
    })
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }))
    expect(screen.getByRole('status').textContent).toContain('Copied (secrets redacted)')
    const copied = await navigator.clipboard.readText()
    const report = JSON.parse(copied)
    expect(report.kind).toBe('chat-session-diagnostics')
    expect(report.snapshot).toMatchObject({
      status: 'logged-in',
      userID: 'alice',
      error: { kind: 'fetcher-failed' },
    })
    expect(report.traces).toHaveLength(10)
    expect(report.timeline.at(-2)).toMatchObject({
      kind: 'fetch',
      detail: 'failed: fetcher-failed',
      duration: 40,
    })
    expect(copied).not.toContain(MARKER_SIG)
    expect(copied).not.toContain(MARKER_MESSAGE)
    expect(document.body.innerHTML).not.toContain(MARKER_SIG)
    expect(document.body.innerHTML).not.toContain(MARKER_MESSAGE)
  })

  it('shows the JSON to select by hand when the clipboard refuses', async () => {
    const { user, t } = await setup({ initialOpen: true })
    act(() => playLeakyFailure(t))
    Object.defineProperty(navigator.clipboard, 'writeText', {
      configurable: true,
      value: () => Promise.reject(new Error('denied')),
    })
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }))
    expect(screen.getByRole('status').textContent).toContain('Could not copy')
    const text = (screen.getByRole('textbox', { name: 'Diagnostics JSON' }) as HTMLTextAreaElement).value
    expect(JSON.parse(text).kind).toBe('chat-session-diagnostics')
    expect(text).not.toContain(MARKER_SIG)
  })

  it('records from its mount and stops on unmount; Clear empties the timeline', async () => {
    const user = userEvent.setup()
    const t = traceDouble()
    const Wrapper = withDouble(t)
    const { unmount } = render(
      <Wrapper>
        <SessionDevtools initialOpen />
      </Wrapper>,
    )
    await screen.findByRole('button', { name: /Session devtools/ })
    act(() => playSignIn(t))
    await user.click(screen.getByRole('button', { name: 'Clear' }))
    expect(screen.queryByRole('list', { name: 'Timeline' })).toBeNull()
    screen.getByText('Nothing recorded yet.')
    unmount()
    expect(t.listeners()).toBe(0)
  })
})
