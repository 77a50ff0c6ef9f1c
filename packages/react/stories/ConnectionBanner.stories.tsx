'use client'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { ConnectionBanner } from '../src/index'
import { AppFrame } from './AppFrame'
import { slow } from './storyContext'

/**
 * Driven by the fake SDK through the real provider: each story's scenario makes the network or the chat server
 * fail; the engine's grace period is 300 ms here (4 s by default).
 */
const meta = {
  title: 'Components/ConnectionBanner',
  component: ConnectionBanner,
  args: { alertAfter: 30_000, reconnectedFor: 3000 },
  parameters: { fakeSession: { userID: 'alice', options: { netLostAfter: 300 } } },
  render: (args) => (
    <AppFrame>
      <ConnectionBanner {...args} />
    </AppFrame>
  ),
} satisfies Meta<typeof ConnectionBanner>

export default meta
type Story = StoryObj<typeof meta>

/** Signed in, connected: the banner is an empty, zero-height live region, ready to announce. */
export const Connected: Story = {
  play: async ({ canvas }) => {
    await canvas.findByText('Online · alice', {}, slow)
    await expect(canvas.getByRole('status')).toHaveTextContent('')
  },
}

/** The browser has network but the chat server does not answer: the SDK is reconnecting. */
export const Connecting: Story = {
  parameters: { fakeSession: { scenario: 'server-unreachable' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Reconnecting…', {}, slow)).toBe(canvas.getByRole('status'))
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** The browser itself is offline (`navigator.onLine` false): the banner says so, not "reconnecting". */
export const Offline: Story = {
  parameters: { fakeSession: { scenario: 'browser-offline' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Waiting for network…', {}, slow)).toBe(canvas.getByRole('status'))
  },
}

export const OfflineDark: Story = { ...Offline, globals: { theme: 'dark' } }

export const OfflineZhCN: Story = {
  parameters: Offline.parameters,
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('等待网络连接…', {}, slow)).toBe(canvas.getByRole('status'))
  },
}

/** The connection came back after being lost: a short confirmation (kept on screen here). */
export const Reconnected: Story = {
  args: { reconnectedFor: 600_000 },
  parameters: { fakeSession: { scenario: 'lost-then-reconnected' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Reconnected', {}, slow)).toBe(canvas.getByRole('status'))
  },
}

/** Lost for longer than `alertAfter` (1 s here, 30 s by default): escalated to `role="alert"`. */
export const LongOutage: Story = {
  args: { alertAfter: 1000 },
  parameters: { fakeSession: { scenario: 'browser-offline' } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert', {}, slow)
    await expect(alert).toHaveTextContent('Still offline. Check your network connection.')
    await expect(canvas.getByRole('status')).toHaveTextContent('')
  },
}

export const LongOutageReconnecting: Story = {
  args: { alertAfter: 1000 },
  parameters: { fakeSession: { scenario: 'server-unreachable' } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert', {}, slow)
    await expect(alert).toHaveTextContent('Still reconnecting. Chat is not reachable right now.')
  },
}
