import type { SessionError } from '@chat-session/core'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ChatSessionProvider, LoginForm, SessionGate, useSession, useSessionEvent } from '../src/index'
import { fakeChat } from './_session'

describe('a provider given a UserID the platform would refuse', () => {
  it.each([
    ['characters', 'a b'],
    ['too-long', 'a'.repeat(33)],
    ['characters', 'ålice'],
    ['empty', ''],
  ])(
    'sends nothing, and the error (%s) lands in the store, in login-failed and in the form',
    async (detail, userID) => {
      const { chat, fetchUserSig } = fakeChat()
      const failed: { userID: string; error: SessionError }[] = []
      let stored: SessionError | null = null
      function Probe() {
        useSessionEvent('login-failed', (payload) => failed.push(payload))
        stored = useSession((s) => s.error)
        return null
      }
      render(
        <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID={userID}>
          <Probe />
          <SessionGate fallback={<p>Signing in…</p>} loggedOut={<LoginForm />}>
            <p>Chat</p>
          </SessionGate>
        </ChatSessionProvider>,
      )
      expect((await screen.findByRole('alert')).textContent).toBe('Invalid user ID.')
      expect(stored).toMatchObject({ kind: 'invalid-user-id', detail })
      expect(failed).toEqual([{ userID, error: stored }])
      expect(fetchUserSig).not.toHaveBeenCalled()
      expect(chat.fake.calls.login).toBe(0)
      expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy()
    },
  )
})
