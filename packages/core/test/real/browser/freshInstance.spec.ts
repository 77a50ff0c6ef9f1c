import { createGatewayChat } from '@chat-session/testing'
import TencentCloudChat, { type ChatSDK } from '@tencentcloud/chat'
import { afterEach, describe, expect, inject, it, vi } from 'vitest'
import { createSession, type Session } from '../../../src/index'
import { admin, fetchFromGateway, sleep } from './_browserSession'

// The page's one copy of the SDK module, as an app has it: `create()` hands back the same instance per SDKAppID
// until it is destroyed. The gateway is the project's (started by globalSetup.ts), so each test has its own user.
const gateway = inject('realGateway')

let session: Session | undefined
const made: ChatSDK[] = []
afterEach(async () => {
  await admin('resume')
  // The session destroyed every instance it replaced and destroys the last one now; destroying it here again
  // would wait on the logout already under way.
  session?.dispose()
  made.length = 0
  await sleep(500)
})

describe('a fresh SDK instance for a login stuck offline, on the real SDK in Chromium', () => {
  it('the service down at login: a fresh instance every 2 s, signed in within seconds of its return', {
    timeout: 40_000,
  }, async () => {
    await admin('pause')
    const fetches = vi.fn(fetchFromGateway)
    session = createSession({
      chat: () => {
        const chat = createGatewayChat(TencentCloudChat, gateway)
        made.push(chat)
        return chat
      },
      fetchUserSig: fetches,
      sdkAppId: gateway.sdkAppId,
      tabChannel: false,
    })
    const chats: unknown[] = []
    session.on('chat', ({ chat }) => chats.push(chat))
    void session.login('b-fresh').catch(() => undefined)
    await sleep(8000)
    expect(session.getSnapshot()).toMatchObject({
      status: 'logging-in',
      net: expect.stringMatching(/^dis|^conn/),
    })
    // Destroyed ones leave the SDK's cache: every create() gave a new instance, and the session followed each.
    expect(made.length).toBeGreaterThanOrEqual(3)
    expect(new Set(made).size).toBe(made.length)
    expect(chats).toEqual(made)
    expect(session.chat()).toBe(made.at(-1))
    const back = Date.now()
    await admin('resume')
    await vi.waitFor(() => expect(session?.getSnapshot().status).toBe('logged-in'), {
      timeout: 6000,
      interval: 20,
    })
    expect(Date.now() - back).toBeLessThan(6000)
    expect(session.getSnapshot()).toMatchObject({ net: 'connected', netLost: false, userID: 'b-fresh' })
    expect(made.at(-1)?.isReady()).toBe(true)
    expect(fetches).toHaveBeenCalledTimes(1)
    await sleep(1500)
    expect(
      ((await fetch(`${gateway.adminUrl}/sessions`).then((r) => r.json())) as { sessions: object }).sessions,
    ).toMatchObject({ 'b-fresh': 1 })
  })
})
