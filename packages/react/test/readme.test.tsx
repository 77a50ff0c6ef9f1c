import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { render, screen } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import { fakeChat, makeSig } from './_session'

const { chat } = vi.hoisted(() => ({ chat: { current: null as unknown } }))
// The snippet creates a real SDK instance and calls a real endpoint: here they are the fake SDK and a stub.
vi.mock('@tencentcloud/chat', () => ({ default: { create: () => chat.current } }))

// jsdom replaces the global URL, which node:fs does not accept; go through a path string.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url).href)

afterEach(() => {
  vi.unstubAllGlobals()
})

it('the README quick start is exactly the tested file, and it signs alice in', async () => {
  const readme = readFileSync(here('../README.md'), 'utf8')
  const snippet = readme.match(/```tsx\n([\s\S]*?)```/)?.[1]
  const file = readFileSync(here('./readme/QuickStart.tsx'), 'utf8')
  expect(snippet).toBe(file)
  expect(
    file
      .trim()
      .split('\n')
      .filter((line) => line.trim()).length,
  ).toBeLessThanOrEqual(13)

  chat.current = fakeChat().chat
  // As createUserSigHandler answers: a POST with a JSON body gets the sig, anything else 405 or 415.
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    if (url !== '/api/usersig' || init.method !== 'POST')
      return Response.json({ error: 'method-not-allowed', message: 'Use POST.' }, { status: 405 })
    if (new Headers(init.headers).get('content-type') !== 'application/json')
      return Response.json({ error: 'unsupported-media-type', message: 'Send JSON.' }, { status: 415 })
    const { userID } = JSON.parse(String(init.body)) as { userID: string }
    return Response.json({ userSig: makeSig(userID) })
  })
  vi.stubGlobal('fetch', fetch)
  const { App } = await import('./readme/QuickStart')
  render(<App />)
  expect(await screen.findByText('Signed in as alice')).toBeTruthy()
  expect(fetch).toHaveBeenCalledTimes(1)
  expect(fetch).toHaveBeenCalledWith(
    '/api/usersig',
    expect.objectContaining({ method: 'POST', body: JSON.stringify({ userID: 'alice' }) }),
  )
})

it("the testing README's component-test example is exactly the tested file", () => {
  const readme = readFileSync(here('../../testing/README.md'), 'utf8')
  const section = readme.slice(readme.indexOf("## Your app's session UI in a component test"))
  const snippet = section.match(/```tsx\n([\s\S]*?)```/)?.[1]
  expect(snippet).toBe(readFileSync(here('./readme/sessionUI.example.test.tsx'), 'utf8'))
})
