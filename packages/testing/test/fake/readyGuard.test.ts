import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeChat, type FakeChat } from '../../src/fake/createFakeChat'
import { FakeChatError } from '../../src/fake/fakeChatError'
import { SECRET_KEY, sigFor } from './helpers'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Calls the guarded API and returns what the ERROR listener saw next to the rejection. */
async function guarded(chat: FakeChat): Promise<{ event: unknown; error: unknown }> {
  let event: unknown
  const handler = (e: { data: unknown }): void => {
    event = e.data
  }
  chat.on('error', handler)
  const promise = chat.getConversationList()
  // The ERROR event is synchronous: it has fired before the promise is even awaited.
  const eventBeforeAwait = event
  const error = await promise.catch((e: unknown) => e)
  chat.off('error', handler)
  return { event: eventBeforeAwait, error }
}

async function loginReady(chat: FakeChat): Promise<void> {
  await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
  vi.advanceTimersByTime(1)
}

describe('the ready-guard (getConversationList)', () => {
  it('emits ERROR {code, message} synchronously and rejects with 2024 before any login', async () => {
    const { event, error } = await guarded(createFakeChat())
    expect(event).toEqual({ code: 2024, message: ' | getConversationList | ' })
    expect(error).toBeInstanceOf(FakeChatError)
    expect(error).toMatchObject({ code: 2024, data: {} })
  })

  it('says 3000 while logging in', async () => {
    const chat = createFakeChat({ latency: 100 })
    void chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    expect((await guarded(chat)).error).toMatchObject({ code: 3000 })
  })

  it('says 3001 after a failed login', async () => {
    const chat = createFakeChat({ secretKey: SECRET_KEY })
    await chat.login({ userID: 'alice', userSig: 'not-a-real-sig-at-all' }).catch(() => undefined)
    expect((await guarded(chat)).error).toMatchObject({ code: 3001 })
  })

  it('says 3005 after logout', async () => {
    const chat = createFakeChat()
    await loginReady(chat)
    await chat.logout()
    expect((await guarded(chat)).event).toMatchObject({ code: 3005 })
  })

  it.each([
    ['multi-device', 3002],
    ['multi-account', 3003],
    ['rest-api', 3006],
  ] as const)('says the kick reason after a %s kick (%i)', async (kind, code) => {
    const chat = createFakeChat()
    await loginReady(chat)
    chat.fake.kick(kind)
    await vi.advanceTimersByTimeAsync(0)
    expect((await guarded(chat)).error).toMatchObject({ code })
  })

  it('says 3004 after an expiry kick', async () => {
    const chat = createFakeChat()
    await loginReady(chat)
    chat.fake.expireSig()
    expect((await guarded(chat)).error).toMatchObject({ code: 3004 })
  })

  it('lets the call through once ready, without an ERROR event', async () => {
    const chat = createFakeChat()
    await loginReady(chat)
    const { event, error } = await guarded(chat)
    expect(event).toBeUndefined()
    expect(error).toEqual({ code: 0, data: { conversationList: [], isSyncCompleted: true } })
  })
})
