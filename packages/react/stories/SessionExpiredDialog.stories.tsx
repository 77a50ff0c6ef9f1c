'use client'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { SessionExpiredDialog } from '../src/index'
import { AppFrame } from './AppFrame'
import { slow } from './storyContext'

/**
 * Each story signs alice in on the fake SDK, then the fake server finds her UserSig expired and the engine
 * refreshes it through the story's UserSig endpoint: slowly, refused, with sigs that keep expiring, or stale.
 */
const meta = {
  title: 'Components/SessionExpiredDialog',
  component: SessionExpiredDialog,
  args: { onSignInRequested: fn(), refreshingAfter: 4000 },
  parameters: {
    fakeSession: { userID: 'alice', scenario: 'expire-forbidden' },
    docs: { story: { inline: false, iframeHeight: 380 } },
  },
  render: (args) => (
    <AppFrame>
      <SessionExpiredDialog {...args} />
    </AppFrame>
  ),
} satisfies Meta<typeof SessionExpiredDialog>

export default meta
type Story = StoryObj<typeof meta>

/** The refresh works but is slow (longer than `refreshingAfter`, 500 ms here): a quiet status, no dialog. */
export const Refreshing: Story = {
  args: { refreshingAfter: 500 },
  parameters: { fakeSession: { scenario: 'expire-slow-refresh' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Refreshing session…', {}, slow)).toBe(canvas.getByRole('status'))
    await expect(canvas.queryByRole('alertdialog')).toBeNull()
  },
}

export const RefreshingZhCN: Story = {
  ...Refreshing,
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('正在刷新会话…', {}, slow)).toBe(canvas.getByRole('status'))
  },
}

/** The UserSig endpoint answered `{ error: 'forbidden' }`: the user must sign in to the app again. */
export const Forbidden: Story = {
  play: async ({ canvas, args }) => {
    const dialog = (await canvas.findByRole(
      'alertdialog',
      { name: 'Session expired' },
      slow,
    )) as HTMLDialogElement
    await expect(dialog.matches(':modal')).toBe(true)
    await expect(dialog).toHaveAccessibleDescription(
      'Your sign-in is no longer valid. Sign in again to keep chatting.',
    )
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Try again' })).toHaveFocus())
    dialog.requestClose()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await expect(dialog.open).toBe(true)
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(args.onSignInRequested).toHaveBeenCalledTimes(1))
    await expect(canvas.queryByRole('alertdialog')).toBeNull()
  },
}

/** Screenshot-friendly: the dialog stays up (no interaction). */
export const ForbiddenOpen: Story = {
  play: async ({ canvas }) => {
    await canvas.findByRole('alertdialog', { name: 'Session expired' }, slow)
  },
}

export const ForbiddenDark: Story = { ...ForbiddenOpen, globals: { theme: 'dark' } }

export const ForbiddenZhCN: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    const dialog = await canvas.findByRole('alertdialog', { name: '会话已过期' }, slow)
    await expect(dialog).toHaveAccessibleDescription('登录状态已失效。请重新登录以继续聊天。')
    await waitFor(() => expect(canvas.getByRole('button', { name: '重试' })).toHaveFocus())
    await expect(canvas.getByRole('button', { name: '登录' })).toBeVisible()
  },
}

/** Every refreshed UserSig was refused as expired again: the engine stopped after `maxRefreshes`. */
export const AttemptsExhausted: Story = {
  parameters: { fakeSession: { scenario: 'expire-exhausted' } },
  play: async ({ canvas }) => {
    const dialog = await canvas.findByRole('alertdialog', { name: 'Session expired' }, slow)
    await expect(dialog).toHaveAccessibleDescription(
      'Your chat session expired and could not be renewed automatically.',
    )
  },
}

export const AttemptsExhaustedZhCN: Story = {
  ...AttemptsExhausted,
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    const dialog = await canvas.findByRole('alertdialog', { name: '会话已过期' }, slow)
    await expect(dialog).toHaveAccessibleDescription('聊天会话已过期，且无法自动续期。')
  },
}

/** The endpoint handed back the sig the server had just rejected. */
export const StaleSig: Story = {
  parameters: { fakeSession: { scenario: 'expire-stale' } },
  play: async ({ canvas }) => {
    await canvas.findByRole('alertdialog', { name: 'Session expired' }, slow)
  },
}

/** "Try again" failed (still refused): the reason shows inside the dialog. */
export const TryAgainFailed: Story = {
  play: async ({ canvas }) => {
    await canvas.findByRole('alertdialog', {}, slow)
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    await expect(await canvas.findByRole('alert', {}, slow)).toHaveTextContent('You may not sign in to chat.')
  },
}
