'use client'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { SessionDevtools } from '../src/devtools/index'
import { KickedOfflineDialog, LoginStatusBadge } from '../src/index'
import { AppFrame } from './AppFrame'
import { slow } from './storyContext'

/** The panel is a lazy chunk: on a cold dev server its first load can take seconds. */
const lazyChunk = { timeout: 10_000 }

/**
 * The panel on the real provider and engine, driven by the fake SDK: every line comes from the session's public
 * trace. Try the "Fake SDK" toolbar menu (kicks, expiry, outages) and watch the timeline.
 */
const meta = {
  title: 'Devtools/SessionDevtools (live)',
  component: SessionDevtools,
  args: { initialOpen: true },
  parameters: { fakeSession: { userID: 'alice', options: { netLostAfter: 300 } } },
  render: (args) => (
    <>
      <AppFrame>
        <KickedOfflineDialog onSignOut={() => {}} />
      </AppFrame>
      <LoginStatusBadge />
      <SessionDevtools {...args} />
    </>
  ),
} satisfies Meta<typeof SessionDevtools>

export default meta
type Story = StoryObj<typeof meta>

/** Alice signs in: the call, the timed UserSig fetch, chat.login() and its answer, SDK ready. */
export const SignIn: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body)
    const list = await page.findByRole('list', { name: 'Timeline' }, lazyChunk)
    await within(list).findByText('SDK ready', {}, slow)
    await expect(within(list).getByText('fetch UserSig')).toBeVisible()
    await expect(within(list).getByText('chat.login() answered').closest('li')).toHaveTextContent(/\d+ ms$/)
    await expect(page.getByRole('button', { name: 'Session devtools · logged-in' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
  },
}

/** Signed in on another device: the kick in the timeline and in the metrics. */
export const Kicked: Story = {
  parameters: { fakeSession: { scenario: 'kick-multi-device' } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body)
    const list = await page.findByRole('list', { name: 'Timeline' }, lazyChunk)
    await expect(await within(list).findByText('kicked out', {}, slow)).toBeVisible()
    await expect(page.getByText('kicks').nextSibling).toHaveTextContent('multi-device 1')
  },
}

/** The UserSig expired: refetched with reason `expired`, signed in again; the refresh gap is measured. */
export const Expired: Story = {
  parameters: { fakeSession: { scenario: 'expire-sig' } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body)
    await expect(await page.findByText(/expired · alice/, {}, slow)).toBeVisible()
    await waitFor(() => expect(page.getByText('refresh-gap').nextSibling).toHaveTextContent(/1×/), slow)
  },
}
