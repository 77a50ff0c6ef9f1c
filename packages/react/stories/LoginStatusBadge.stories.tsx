'use client'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { LoginStatusBadge } from '../src/index'
import { slow } from './storyContext'

const meta = {
  title: 'Components/LoginStatusBadge',
  component: LoginStatusBadge,
  args: { showUserID: true },
  parameters: { fakeSession: { userID: 'alice', options: { netLostAfter: 300 } } },
  render: (args) => (
    <main>
      <LoginStatusBadge {...args} />
    </main>
  ),
} satisfies Meta<typeof LoginStatusBadge>

export default meta
type Story = StoryObj<typeof meta>

const stateOf = (element: HTMLElement) => element.closest('[data-state]')?.getAttribute('data-state')

export const Online: Story = {
  play: async ({ canvas }) => {
    await expect(stateOf(await canvas.findByText('Online · alice', {}, slow))).toBe('logged-in')
  },
}

export const SigningIn: Story = {
  parameters: { fakeSession: { fetcher: 'hang' } },
  play: async ({ canvas }) => {
    await expect(stateOf(await canvas.findByText('Signing in… · alice', {}, slow))).toBe('logging-in')
  },
}

/** Signed in, but the connection has been lost for longer than the grace period. */
export const Reconnecting: Story = {
  parameters: { fakeSession: { scenario: 'server-unreachable' } },
  play: async ({ canvas }) => {
    await expect(stateOf(await canvas.findByText('Reconnecting… · alice', {}, slow))).toBe('reconnecting')
  },
}

/** Signing out while the chat server is slow to answer. */
export const SigningOut: Story = {
  parameters: { fakeSession: { scenario: 'slow-sign-out' } },
  play: async ({ canvas }) => {
    await expect(stateOf(await canvas.findByText('Signing out… · alice', {}, slow))).toBe('logging-out')
  },
}

export const SignedOut: Story = {
  parameters: { fakeSession: { userID: null } },
  play: async ({ canvas }) => {
    await expect(stateOf(await canvas.findByText('Signed out', {}, slow))).toBe('logged-out')
  },
}

export const OnlineZhCN: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    await canvas.findByText('在线 · alice', {}, slow)
  },
}

/** Another tab of this browser holds alice's session: this one is paused, not signed out. */
export const Paused: Story = {
  parameters: { fakeSession: { scenario: 'another-tab-of-this-browser' } },
  play: async ({ canvas }) => {
    await expect(stateOf(await canvas.findByText('In another tab · alice', {}, slow))).toBe('paused')
  },
}

export const PausedZhCN: Story = {
  ...Paused,
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    await expect(stateOf(await canvas.findByText('在其他标签页 · alice', {}, slow))).toBe('paused')
  },
}
