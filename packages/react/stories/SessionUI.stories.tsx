'use client'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { SessionUI } from '../src/index'
import { AppFrame } from './AppFrame'
import { fakeOf, slow } from './storyContext'

/**
 * The one-line drop-in: banner plus both dialogs. Use the "Fake SDK" toolbar menu to kick, expire the UserSig,
 * or take the network away, and the Locale and Theme menus to switch language and theme.
 */
const meta = {
  title: 'Components/SessionUI',
  component: SessionUI,
  args: { onSignOut: fn(), onSignInRequested: fn() },
  parameters: {
    fakeSession: { userID: 'alice', options: { netLostAfter: 300 } },
    docs: { story: { inline: false, iframeHeight: 420 } },
  },
  render: (args) => (
    <AppFrame>
      <SessionUI {...args} />
    </AppFrame>
  ),
} satisfies Meta<typeof SessionUI>

export default meta
type Story = StoryObj<typeof meta>

export const Playground: Story = {
  play: async ({ canvas }) => {
    await canvas.findByText('Online · alice', {}, slow)
  },
}

/** Offline, back online, then kicked by another device and signed out: the whole tour. */
export const Tour: Story = {
  play: async (context) => {
    const { canvas, args } = context
    const fake = fakeOf(context)
    await canvas.findByText('Online · alice', {}, slow)
    fake.goOffline()
    await canvas.findByText('Waiting for network…', {}, slow)
    fake.reconnect()
    await canvas.findByText('Reconnected', {}, slow)
    fake.kick('multi-device')
    await canvas.findByRole('alertdialog', { name: 'Signed in on another device' }, slow)
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }))
    await waitFor(() => expect(args.onSignOut).toHaveBeenCalledTimes(1))
  },
}

/**
 * Another tab of this browser signed alice in (`tabs: 'follow-focus'`, the default): no dialog, a quiet notice;
 * "Use here" takes the session back.
 */
export const PausedByAnotherTab: Story = {
  parameters: { fakeSession: { scenario: 'another-tab-of-this-browser' } },
  play: async ({ canvas }) => {
    await canvas.findByText('Chat is open in another tab', {}, slow)
    await expect(canvas.getByText('In another tab · alice')).toBeVisible()
    await expect(canvas.queryByRole('alertdialog')).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: 'Use here' }))
    await canvas.findByText('Online · alice', {}, slow)
    await expect(canvas.queryByText('Chat is open in another tab')).toBeNull()
  },
}

/** The same under `tabs: 'ask'`: the kicked-offline dialog, with "Use here". */
export const AnotherTabAsk: Story = {
  parameters: { fakeSession: { scenario: 'another-tab-of-this-browser', options: { tabs: 'ask' } } },
  play: async ({ canvas }) => {
    await canvas.findByRole('alertdialog', { name: 'Chat opened in another tab' }, slow)
    await expect(canvas.getByRole('button', { name: 'Use here' })).toBeVisible()
    await expect(canvas.queryByText('Chat is open in another tab')).toBeNull()
  },
}
