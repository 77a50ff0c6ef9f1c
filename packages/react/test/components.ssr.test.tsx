import { renderToString } from 'react-dom/server'
import { expect, it } from 'vitest'
import { ChatSessionProvider, LoginForm, LoginStatusBadge, SessionGate, SessionUI } from '../src/index'
import { fakeChat } from './_session'

it('renders the components on a server: empty live regions, no dialog, no SDK call', () => {
  const { chat, fetchUserSig } = fakeChat()
  const html = renderToString(
    <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID="alice" locale="zh-CN">
      <SessionUI />
      <LoginStatusBadge />
      <SessionGate loggedOut={<LoginForm />}>app</SessionGate>
    </ChatSessionProvider>,
  )
  expect(html).toContain('role="status"')
  expect(html).not.toContain('<dialog')
  expect(html).toContain('未登录')
  expect(html).toContain('用户 ID')
  expect(chat.fake.calls.login).toBe(0)
})
