import { readFileSync } from 'node:fs'
import { createUserSigHandler } from '@chat-session/server'
import { createFakeChat, createFakeChatService } from '@chat-session/testing'
import { afterAll, expect, it, vi } from 'vitest'
import { SDK_APP_ID, SECRET_KEY } from './_sig'

const { world } = vi.hoisted(() => ({ world: { chat: null as unknown } }))
// The snippet creates a real SDK instance and calls the app's endpoint: here the fake SDK, and the kit's real
// createUserSigHandler reached through a fetch stub.
vi.mock('@tencentcloud/chat', () => ({ default: { create: () => world.chat } }))

afterAll(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

it('the README example is exactly the tested file, and it signs alice in, then reports a kick', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const snippet = readme.match(/```ts\n([\s\S]*?)```/)?.[1]
  expect(snippet).toBe(readFileSync(new URL('./readme/session.ts', import.meta.url), 'utf8'))

  const chat = createFakeChat({
    service: createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY }),
  })
  world.chat = chat
  const handler = createUserSigHandler({
    sdkAppId: SDK_APP_ID,
    secretKey: SECRET_KEY,
    expiresIn: 600,
    authorize: (_request, { userID }) => userID,
  })
  const fetch = vi.fn((url: string, init: RequestInit) =>
    handler(new Request(new URL(url, 'http://app.test'), init)),
  )
  vi.stubGlobal('fetch', fetch)
  const lines: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ').trim()))

  const { session } = await import('./readme/session')
  expect(session.getSnapshot()).toMatchObject({ status: 'logged-in', userID: 'alice' })
  expect(fetch).toHaveBeenCalledTimes(1)
  expect(fetch).toHaveBeenCalledWith(
    '/api/usersig',
    expect.objectContaining({ method: 'POST', body: JSON.stringify({ userID: 'alice' }) }),
  )
  chat.fake.kick('multi-device')
  // The store changes first, then the event.
  await vi.waitFor(() =>
    expect(lines).toEqual(['logging-in', 'logged-in', 'logged-out', 'signed out: multi-device']),
  )
  session.dispose()
})
