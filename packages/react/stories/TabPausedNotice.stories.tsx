'use client'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { TabPausedNotice } from '../src/index'
import { AppFrame } from './AppFrame'
import { fakeOf, slow } from './storyContext'
import { TwoTabs } from './TwoTabs'

/**
 * Each story signs alice in on the fake SDK, then another tab of this browser signs her in too (the platform
 * allows one web session per account). Under `tabs: 'follow-focus'` (the default) this tab does not get a modal:
 * it pauses quietly, and takes the session back when the user comes back to it (a press in the page) or presses
 * "Use here".
 */
const meta = {
  title: 'Components/TabPausedNotice',
  component: TabPausedNotice,
  parameters: { fakeSession: { userID: 'alice' } },
  render: (args) => (
    <AppFrame>
      <TabPausedNotice {...args} />
    </AppFrame>
  ),
} satisfies Meta<typeof TabPausedNotice>

export default meta
type Story = StoryObj<typeof meta>

/** Alice signs in here, then in another tab of this browser. */
const anotherTab = { fakeSession: { scenario: 'another-tab-of-this-browser' } } as const

const TEXT = 'alice is using chat in another tab of this browser. It continues here when you come back.'

/** Paused: a polite status with "Use here"; no dialog, and the page keeps its focus. */
export const Paused: Story = {
  parameters: anotherTab,
  play: async ({ canvas }) => {
    const title = await canvas.findByText('Chat is open in another tab', {}, slow)
    const status = title.closest('[role="status"]') as HTMLElement
    await expect(status).toHaveTextContent(TEXT)
    await expect(canvas.getByRole('button', { name: 'Use here' })).toBeVisible()
    await expect(canvas.getByText('In another tab · alice')).toBeVisible()
    await expect(canvas.queryByRole('alertdialog')).toBeNull()
    await expect(canvas.getByRole('button', { name: 'Use here' })).not.toHaveFocus()
  },
}

export const PausedDark: Story = { ...Paused, globals: { theme: 'dark' } }

export const PausedZhCN: Story = {
  parameters: anotherTab,
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    const title = await canvas.findByText('聊天已在另一个标签页中打开', {}, slow)
    await expect(title.closest('[role="status"]')).toHaveTextContent(
      /alice 正在此浏览器的另一个标签页中使用聊天/,
    )
    await expect(canvas.getByRole('button', { name: '在此使用' })).toBeVisible()
    await expect(canvas.getByText('在其他标签页 · alice')).toBeVisible()
  },
}

/** "Use here" takes the session over in this tab (the other one pauses): online again, the notice gone. */
export const UseHere: Story = {
  parameters: anotherTab,
  play: async (context) => {
    const { canvas } = context
    await userEvent.click(await canvas.findByRole('button', { name: 'Use here' }, slow))
    await canvas.findByText('Online · alice', {}, slow)
    await expect(canvas.queryByText('Chat is open in another tab')).toBeNull()
    await expect(canvas.queryByRole('button', { name: 'Use here' })).toBeNull()
    await waitFor(() => expect(fakeOf(context).service.sessions()).toEqual({ alice: 1 }))
  },
}

/**
 * Two tabs side by side on one fake chat server: alice opened chat in both, so the later one is live and the first
 * pauses. Press anywhere in a paused tab (or its "Use here") and it becomes the live one; the other pauses. Never
 * a dialog, one chat session for alice at every moment.
 */
export const TwoTabsTakeOver: Story = {
  parameters: {
    fakeSession: { userID: null },
    docs: { story: { inline: false, iframeHeight: 360 } },
  },
  render: (_, context) => <TwoTabs fake={fakeOf(context)} />,
  play: async (context) => {
    const { canvas } = context
    const fake = fakeOf(context)
    const tab1 = within(canvas.getByRole('region', { name: 'Tab 1' }))
    const tab2 = within(canvas.getByRole('region', { name: 'Tab 2' }))
    await tab2.findByText('Online · alice', {}, slow)
    // Tab 1 was still signing in when tab 2 took over: paused before it was ever signed in here.
    await tab1.findByText('Chat is open in another tab', {}, slow)
    await expect(tab1.getByText('Chat opens here when you come back.')).toBeVisible()

    // The user comes back to tab 1: a press in it takes the session back; tab 2 pauses and keeps the app.
    await userEvent.click(tab1.getByText('Chat opens here when you come back.'))
    await tab1.findByText('Alice’s conversations', {}, slow)
    await tab1.findByText('Online · alice', {}, slow)
    await tab2.findByText('Chat is open in another tab', {}, slow)
    await expect(tab2.getByText('Alice’s conversations')).toBeVisible()
    await waitFor(() => expect(fake.service.sessions()).toEqual({ alice: 1 }))

    // And "Use here" in tab 2.
    await userEvent.click(tab2.getByRole('button', { name: 'Use here' }))
    await tab2.findByText('Online · alice', {}, slow)
    await tab1.findByText('In another tab · alice', {}, slow)
    await expect(canvas.queryByRole('alertdialog')).toBeNull()
    await waitFor(() => expect(fake.service.sessions()).toEqual({ alice: 1 }))
  },
}
