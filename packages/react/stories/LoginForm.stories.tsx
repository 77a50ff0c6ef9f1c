'use client'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { LoginForm, LoginStatusBadge } from '../src/index'
import { fakeOf, slow } from './storyContext'

/** Nobody is signed in; the form signs in through the real provider, the fake SDK and the story's endpoint. */
const meta = {
  title: 'Components/LoginForm',
  component: LoginForm,
  args: { onSuccess: fn() },
  parameters: { fakeSession: { userID: null } },
  render: (args) => (
    <main style={{ display: 'grid', gap: 16 }}>
      <LoginStatusBadge showUserID />
      <LoginForm {...args} />
    </main>
  ),
} satisfies Meta<typeof LoginForm>

export default meta
type Story = StoryObj<typeof meta>

export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'User ID' })).toHaveAccessibleDescription(
      'Letters, digits, _ and -, up to 32 characters.',
    )
  },
}

/** Checked before anything is sent: inline error tied to the field, focus back on it. */
export const InvalidID: Story = {
  play: async (context) => {
    const { canvas } = context
    const field = canvas.getByRole('textbox', { name: 'User ID' })
    await userEvent.type(field, 'alice smith')
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(field).toHaveAccessibleDescription(
      'Use only letters, digits, _ and -. Letters, digits, _ and -, up to 32 characters.',
    )
    await expect(field).toHaveFocus()
    await expect(fakeOf(context).fetches).toEqual([])
  },
}

export const Empty_Submitted: Story = {
  name: 'Empty, submitted',
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))
    await expect(canvas.getByRole('textbox', { name: 'User ID' })).toHaveAccessibleDescription(
      /^Enter your user ID\./,
    )
  },
}

/** The UserSig endpoint is slow: the button says so and ignores more clicks. */
export const Pending: Story = {
  parameters: { fakeSession: { fetcher: 'hang' } },
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'User ID' }), 'alice{Enter}')
    const button = await canvas.findByRole('button', { name: 'Signing in…' }, slow)
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(canvas.getByText('Signing in… · alice')).toBeVisible()
  },
}

/** The endpoint refused (`forbidden`): the engine's error, in words, as an alert. */
export const ServerError: Story = {
  parameters: { fakeSession: { fetcher: 'forbidden' } },
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'User ID' }), 'alice')
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))
    await expect(await canvas.findByRole('alert', {}, slow)).toHaveTextContent('You may not sign in to chat.')
  },
}

/** The browser is offline: the sign-in says it is waiting for the network, and completes by itself when it returns. */
export const Offline: Story = {
  parameters: { fakeSession: { scenario: 'browser-offline', options: { maxAttempts: 1 } } },
  play: async (context) => {
    const { canvas } = context
    await userEvent.type(canvas.getByRole('textbox', { name: 'User ID' }), 'alice{Enter}')
    await expect(await canvas.findByRole('alert', {}, slow)).toHaveTextContent('Waiting for network…')
    fakeOf(context).reconnect()
    await canvas.findByText('Online · alice', {}, slow)
  },
}

export const SignsIn: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'User ID' }), 'alice{Enter}')
    await canvas.findByText('Online · alice', {}, slow)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith('alice'))
  },
}

export const InvalidIDZhCN: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    const field = canvas.getByRole('textbox', { name: '用户 ID' })
    await userEvent.click(canvas.getByRole('button', { name: '登录' }))
    await expect(field).toHaveAccessibleDescription(/^请输入用户 ID。/)
  },
}
