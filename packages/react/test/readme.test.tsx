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
  const fetch = vi.fn(async (url: string) => {
    const user = new URL(url, 'http://app.test').searchParams.get('user') ?? ''
    return new Response(JSON.stringify({ userSig: makeSig(user) }))
  })
  vi.stubGlobal('fetch', fetch)
  const { App } = await import('./readme/QuickStart')
  render(<App />)
  expect(await screen.findByText('Signed in as alice')).toBeTruthy()
  expect(fetch).toHaveBeenCalledWith('/api/usersig?user=alice')
})

it("the testing README's component-test example is exactly the tested file", () => {
  const readme = readFileSync(here('../../testing/README.md'), 'utf8')
  const section = readme.slice(readme.indexOf("## Your app's session UI in a component test"))
  const snippet = section.match(/```tsx\n([\s\S]*?)```/)?.[1]
  expect(snippet).toBe(readFileSync(here('./readme/sessionUI.example.test.tsx'), 'utf8'))
})
