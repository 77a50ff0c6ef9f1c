'use client'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { KickedOfflineDialog } from '../src/index'
import { AppFrame } from './AppFrame'
import { fakeOf, slow } from './storyContext'

/**
 * Each story signs alice in on the fake SDK, then the fake server kicks her: another device, another tab or window
 * (of this browser, or not), an administrator. The dialog is the platform's modal `<dialog>`.
 */
const meta = {
  title: 'Components/KickedOfflineDialog',
  component: KickedOfflineDialog,
  args: { onSignOut: fn() },
  parameters: {
    fakeSession: { userID: 'alice', scenario: 'kick-multi-device' },
    // A modal dialog takes the whole page: each story gets its own frame in the docs.
    docs: { story: { inline: false, iframeHeight: 420 } },
  },
  render: (args) => (
    <AppFrame>
      <KickedOfflineDialog {...args} />
    </AppFrame>
  ),
} satisfies Meta<typeof KickedOfflineDialog>

export default meta
type Story = StoryObj<typeof meta>

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas']

/** What every kicked dialog must do: modal, focus on the safe action, Tab inside, Esc ignored. */
async function checkDialog(canvas: Canvas, name: string, signOut: string, signIn: string) {
  const dialog = (await canvas.findByRole('alertdialog', { name }, slow)) as HTMLDialogElement
  await expect(dialog.matches(':modal')).toBe(true)
  await waitFor(() => expect(canvas.getByRole('button', { name: signOut })).toHaveFocus())
  await userEvent.tab()
  await expect(canvas.getByRole('button', { name: signIn })).toHaveFocus()
  await userEvent.keyboard('{Escape}')
  // The browser's own close request (what Esc does); the kicked dialog refuses it.
  dialog.requestClose()
  await new Promise((resolve) => setTimeout(resolve, 50))
  await expect(dialog.open).toBe(true)
  return dialog
}

/** Signed in on another device. */
export const MultiDevice: Story = {
  play: async ({ canvas }) => {
    const dialog = await checkDialog(canvas, 'Signed in on another device', 'Sign out', 'Sign in again')
    await expect(dialog).toHaveAccessibleDescription(
      'alice signed in on another device, so chat was signed out here. Signing in again here signs the other one out.',
    )
  },
}

export const MultiDeviceDark: Story = { ...MultiDevice, globals: { theme: 'dark' } }

export const MultiDeviceZhCN: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    const dialog = await checkDialog(canvas, '已在其他设备登录', '退出登录', '重新登录')
    await expect(dialog).toHaveAccessibleDescription(/alice 已在其他设备登录聊天/)
  },
}

/** Opened in another browser tab or window (not known to be this browser). */
export const MultiAccount: Story = {
  parameters: { fakeSession: { scenario: 'kick-multi-account' } },
  play: async ({ canvas }) => {
    const dialog = await checkDialog(canvas, 'Chat opened elsewhere', 'Sign out', 'Sign in again')
    await expect(dialog).toHaveAccessibleDescription(/another browser tab or window/)
  },
}

export const MultiAccountZhCN: Story = {
  ...MultiAccount,
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    const dialog = await checkDialog(canvas, '已在其他位置打开', '退出登录', '重新登录')
    await expect(dialog).toHaveAccessibleDescription(/其他浏览器标签页或窗口/)
  },
}

/**
 * Another tab of this browser signed in as alice (it said so over the tab channel), under `tabs: 'ask'`: "Use
 * here". Under `tabs: 'follow-focus'` (the default) this tab pauses quietly instead (see TabPausedNotice).
 */
export const AnotherTabOfThisBrowser: Story = {
  parameters: { fakeSession: { scenario: 'another-tab-of-this-browser', options: { tabs: 'ask' } } },
  play: async ({ canvas }) => {
    const dialog = await checkDialog(canvas, 'Chat opened in another tab', 'Sign out', 'Use here')
    await expect(dialog).toHaveAccessibleDescription(/another tab of this browser/)
  },
}

export const AnotherTabOfThisBrowserZhCN: Story = {
  ...AnotherTabOfThisBrowser,
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    const dialog = await checkDialog(canvas, '已在其他标签页打开', '退出登录', '在此使用')
    await expect(dialog).toHaveAccessibleDescription(/此浏览器的其他标签页/)
  },
}

/** Signed out by an administrator (REST API kick). */
export const RestApi: Story = {
  parameters: { fakeSession: { scenario: 'kick-rest-api' } },
  play: async ({ canvas }) => {
    const dialog = await checkDialog(canvas, 'Signed out by an administrator', 'Sign out', 'Sign in again')
    await expect(dialog).toHaveAccessibleDescription('An administrator signed alice out of chat.')
  },
}

export const RestApiZhCN: Story = {
  ...RestApi,
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    await checkDialog(canvas, '已被管理员退出登录', '退出登录', '重新登录')
  },
}

/** "Sign in again" is running (the UserSig endpoint is slow): both actions wait, the dialog is busy. */
export const PendingRelogin: Story = {
  play: async (context) => {
    const { canvas } = context
    const dialog = await canvas.findByRole('alertdialog', {}, slow)
    fakeOf(context).mode = 'hang'
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in again' }))
    await expect(canvas.getByRole('button', { name: 'Signing in…' })).toHaveAttribute('aria-disabled', 'true')
    await expect(dialog).toHaveAttribute('aria-busy', 'true')
  },
}

/** "Sign in again" failed (the UserSig endpoint now refuses): the error shows inside the dialog. */
export const ReloginFailed: Story = {
  play: async (context) => {
    const { canvas } = context
    const dialog = await canvas.findByRole('alertdialog', {}, slow)
    fakeOf(context).mode = 'forbidden'
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in again' }))
    await expect(await canvas.findByRole('alert', {}, slow)).toHaveTextContent('You may not sign in to chat.')
    await expect(dialog).toHaveAttribute('data-state', 'error')
  },
}

export const ReloginFailedZhCN: Story = {
  globals: { locale: 'zh-CN' },
  play: async (context) => {
    const { canvas } = context
    await canvas.findByRole('alertdialog', {}, slow)
    fakeOf(context).mode = 'forbidden'
    await userEvent.click(canvas.getByRole('button', { name: '重新登录' }))
    await expect(await canvas.findByRole('alert', {}, slow)).toHaveTextContent('你无权登录聊天。')
  },
}

/** "Sign out" signs out and hands over to the app (`onSignOut`). */
export const SignOut: Story = {
  play: async ({ canvas, args }) => {
    await canvas.findByRole('alertdialog', {}, slow)
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }))
    await waitFor(() => expect(args.onSignOut).toHaveBeenCalledTimes(1))
    await expect(canvas.queryByRole('alertdialog')).toBeNull()
    await expect(canvas.getByText('Signed out')).toBeVisible()
  },
}
