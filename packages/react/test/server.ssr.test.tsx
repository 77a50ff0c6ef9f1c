import { renderToString } from 'react-dom/server'
import { expect, it } from 'vitest'
import { ChatSessionProvider, useLoginStatus, useNetState } from '../src/index'
import { fakeChat } from './_session'

function Status() {
  const { status } = useLoginStatus()
  const { browserOffline } = useNetState()
  return (
    <p>
      {status} {browserOffline ? 'offline' : 'online'}
    </p>
  )
}

it('imports and renders on a server with no DOM, without touching the SDK', () => {
  expect(typeof window).toBe('undefined')
  const { chat, fetchUserSig } = fakeChat()
  const html = renderToString(
    <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID="alice">
      <Status />
    </ChatSessionProvider>,
  )
  expect(html).toContain('logged-out')
  expect(html).toContain('online')
  expect(chat.fake.calls.login).toBe(0)
  expect(fetchUserSig).not.toHaveBeenCalled()
  expect(chat.fake.listenerCount()).toBe(0)
})
