import { expect, it, vi } from 'vitest'

// If anything in the core imported React, loading it would throw.
vi.mock('react', () => {
  throw new Error('@chat-session/core must not import react')
})
vi.mock('react-dom', () => {
  throw new Error('@chat-session/core must not import react-dom')
})

it('loads and creates a session with react mocked away', async () => {
  const core = await import('../src/index')
  const session = core.createSession({
    chat: {
      login: vi.fn(),
      logout: vi.fn(),
      isReady: () => false,
      getLoginUser: () => '',
      on: vi.fn(),
      off: vi.fn(),
    },
    fetchUserSig: async () => ({ error: 'forbidden' }),
  })
  expect(session.getSnapshot().status).toBe('logged-out')
  session.dispose()
})
