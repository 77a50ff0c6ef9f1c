import { ChatSessionProvider, SessionUI } from '@chat-session/react'
import { createFakeChat, createFakeChatService, signUserSig } from '@chat-session/testing'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, it } from 'vitest'

const app = { sdkAppId: 1400000000, secretKey: 'test-key' } // made up: a real key never goes in a test

it('asks what to do when another device signs in, and signs out on request', async () => {
  const chat = createFakeChat({ service: createFakeChatService(app) })
  const fetchUserSig = (userID: string) => signUserSig({ ...app, userID, expireSeconds: 600 })
  render(
    <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID="alice">
      <SessionUI />
    </ChatSessionProvider>,
  )
  await waitFor(() => expect(chat.isReady()).toBe(true))

  chat.fake.kick('multi-device')
  const dialog = await screen.findByRole('alertdialog', { name: 'Signed in on another device' })
  await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }))
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
  expect(chat.fake.calls.login).toBe(1) // the kit never signs in again by itself after a kick
})
