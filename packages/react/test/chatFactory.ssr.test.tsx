import { PassThrough } from 'node:stream'
import { renderToPipeableStream, renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'
import { ChatSessionProvider, SessionGate, useChat, useLoginStatus } from '../src/index'
import { fakeChat } from './_session'

function Status() {
  const { status } = useLoginStatus()
  return <p>{`${status}, ${useChat() ? 'with chat' : 'no chat'}`}</p>
}

function app() {
  const fake = fakeChat()
  const create = vi.fn(() => fake.chat)
  const tree = (
    <ChatSessionProvider chat={create} fetchUserSig={fake.fetchUserSig} userID="alice">
      <SessionGate fallback={<p>Signing in…</p>} loggedOut={<p>Signed out</p>}>
        <p>Chat</p>
      </SessionGate>
      <Status />
    </ChatSessionProvider>
  )
  return { ...fake, create, tree }
}

it('renderToString never calls the chat factory and renders the signed-out state', () => {
  expect(typeof window).toBe('undefined')
  const { create, tree, fetchUserSig } = app()
  const html = renderToString(tree)
  expect(html).toContain('Signed out')
  expect(html).toContain('logged-out, no chat')
  expect(create).not.toHaveBeenCalled()
  expect(fetchUserSig).not.toHaveBeenCalled()
})

it('renderToPipeableStream never calls the chat factory either', async () => {
  const { create, tree } = app()
  const html = await new Promise<string>((resolve, reject) => {
    let out = ''
    const sink = new PassThrough()
    sink.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    sink.on('end', () => resolve(out))
    const stream = renderToPipeableStream(tree, {
      onAllReady: () => stream.pipe(sink),
      onShellError: reject,
      onError: reject,
    })
  })
  expect(html).toContain('Signed out')
  expect(create).not.toHaveBeenCalled()
})
