'use client'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { SessionGate, TabPausedNotice } from '../src/index'
import { slow } from './storyContext'

/** The gate follows the real session on the fake SDK: who signs in, and how fast the UserSig endpoint answers. */
const meta = {
  title: 'Components/SessionGate',
  component: SessionGate,
  args: {
    children: <p>The chat app (only while signed in)</p>,
    fallback: <p>Connecting to chat…</p>,
    loggedOut: <p>Please sign in.</p>,
  },
  argTypes: { children: { control: false }, fallback: { control: false }, loggedOut: { control: false } },
  parameters: { fakeSession: { userID: 'alice' } },
  render: (args) => (
    <main>
      <SessionGate {...args} />
    </main>
  ),
} satisfies Meta<typeof SessionGate>

export default meta
type Story = StoryObj<typeof meta>

export const SignedIn: Story = {
  play: async ({ canvas }) => {
    await canvas.findByText('The chat app (only while signed in)', {}, slow)
    await expect(canvas.queryByText('Connecting to chat…')).toBeNull()
  },
}

/** The UserSig endpoint does not answer yet: `fallback`. */
export const SigningIn: Story = {
  parameters: { fakeSession: { fetcher: 'hang' } },
  play: async ({ canvas }) => {
    await canvas.findByText('Connecting to chat…', {}, slow)
    await expect(canvas.queryByText('The chat app (only while signed in)')).toBeNull()
  },
}

/** Nobody signed in: `loggedOut`. */
export const SignedOut: Story = {
  parameters: { fakeSession: { userID: null } },
  play: async ({ canvas }) => {
    await canvas.findByText('Please sign in.', {}, slow)
  },
}

/** The UserSig expired and is being refreshed (slowly): the app stays mounted, no flash of the fallback. */
export const RefreshingKeepsApp: Story = {
  parameters: { fakeSession: { scenario: 'expire-slow-refresh' } },
  play: async ({ canvas }) => {
    await canvas.findByText('The chat app (only while signed in)', {}, slow)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(canvas.getByText('The chat app (only while signed in)')).toBeVisible()
    await expect(canvas.queryByText('Connecting to chat…')).toBeNull()
  },
}

/**
 * Another tab of this browser took alice's session: this tab is paused, not signed out, so the app stays (the
 * notice above it says why, and a press in the page takes the session back).
 */
export const PausedKeepsApp: Story = {
  parameters: { fakeSession: { scenario: 'another-tab-of-this-browser' } },
  render: (args) => (
    <main>
      <TabPausedNotice />
      <SessionGate {...args} />
    </main>
  ),
  play: async ({ canvas }) => {
    await canvas.findByText('Chat is open in another tab', {}, slow)
    await expect(canvas.getByText('The chat app (only while signed in)')).toBeVisible()
    await expect(canvas.queryByText('Please sign in.')).toBeNull()
    await expect(canvas.queryByText('Connecting to chat…')).toBeNull()
  },
}
