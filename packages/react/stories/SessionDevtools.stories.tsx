'use client'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { type ReactNode, useEffect, useState } from 'react'
import { expect, spyOn, userEvent, waitFor, within } from 'storybook/test'
import { SessionDevtools } from '../src/devtools/index'
import {
  MARKER_MESSAGE,
  MARKER_SIG,
  playLeakyFailure,
  playSignIn,
  type TraceDouble,
  traceDouble,
  withDouble,
} from '../test/devtools/_traceDouble'
import { AppFrame } from './AppFrame'

/** The panel is a lazy chunk: on a cold dev server its first load can take seconds. */
const lazyChunk = { timeout: 10_000 }

/**
 * A scripted session (a sign-in, then a failed fetch whose error carries a UserSig and a message, as a careless
 * fetcher's might) seen through the panel: it reads only the public trace and the store.
 */
function Scripted(props: {
  readonly script: (t: TraceDouble) => void
  readonly children: ReactNode
}): ReactNode {
  const [world] = useState(() => {
    const t = traceDouble()
    return { t, Wrapper: withDouble(t) }
  })
  const { t, Wrapper } = world
  // A parent's effects run after its children's: the panel listens by now.
  useEffect(() => props.script(t), [t, props.script])
  return <Wrapper>{props.children}</Wrapper>
}

const script = (t: TraceDouble) => {
  playSignIn(t)
  playLeakyFailure(t)
}

const meta = {
  title: 'Devtools/SessionDevtools',
  component: SessionDevtools,
  args: { initialOpen: true, position: 'bottom-right' },
  render: (args) => (
    <Scripted script={script}>
      <AppFrame>
        <p style={{ padding: 16 }}>The panel floats in a corner of the page.</p>
      </AppFrame>
      <SessionDevtools {...args} />
    </Scripted>
  ),
} satisfies Meta<typeof SessionDevtools>

export default meta
type Story = StoryObj<typeof meta>

/** Collapsed: one disclosure button with the status; Enter or Space opens it. */
export const Collapsed: Story = {
  args: { initialOpen: false },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body)
    const toggle = await page.findByRole('button', { name: /Session devtools/ }, lazyChunk)
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    toggle.focus()
    await userEvent.keyboard('{Enter}')
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await expect(await page.findByRole('list', { name: 'Timeline' }, lazyChunk)).toBeVisible()
  },
}

/** Open: snapshot, metrics, the timeline with relative times and durations, filters by kind. */
export const Timeline: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body)
    const list = await page.findByRole('list', { name: 'Timeline' }, lazyChunk)
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(10))
    await expect(within(list).getAllByText('UserSig answer')[0]?.closest('li')).toHaveTextContent('120 ms')
    await userEvent.click(page.getByRole('checkbox', { name: 'fetch' }))
    await expect(within(list).queryAllByText('UserSig answer')).toHaveLength(0)
    await userEvent.click(page.getByRole('checkbox', { name: 'fetch' }))
    const first = within(list).getAllByRole('listitem')[0]
    first?.focus()
    await userEvent.keyboard('{End}')
    await expect(within(list).getAllByRole('listitem').at(-1)).toHaveFocus()
  },
}

/** "Copy diagnostics": JSON for a bug report; the UserSig and the messages never reach it, nor the page. */
export const CopyDiagnostics: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body)
    const writeText = spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined)
    await waitFor(() => expect(page.getAllByRole('listitem').length).toBeGreaterThan(9))
    await userEvent.click(page.getByRole('button', { name: 'Copy diagnostics' }))
    await expect(page.getByRole('status')).toHaveTextContent('Copied (secrets redacted)')
    const copied = String(writeText.mock.calls[0]?.[0])
    await expect(JSON.parse(copied).snapshot.status).toBe('logged-in')
    await expect(copied).not.toContain(MARKER_SIG)
    await expect(copied).not.toContain(MARKER_MESSAGE)
    await expect(canvasElement.ownerDocument.body.innerHTML).not.toContain(MARKER_SIG)
    writeText.mockRestore()
  },
}

export const Dark: Story = { ...Timeline, globals: { theme: 'dark' } }

/** The left corner, for apps whose own widgets sit on the right. */
export const BottomLeft: Story = { args: { position: 'bottom-left', initialOpen: false } }
