import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChatEvent } from '../../src/fake/chatEvent'
import { CHAT_EVENT } from '../../src/fake/chatEvent'
import { CHAT_TYPES } from '../../src/fake/chatTypes'
import { createFakeChat } from '../../src/fake/createFakeChat'
import { sigFor } from './helpers'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

async function loginReady(chat: ReturnType<typeof createFakeChat>): Promise<void> {
  await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
  vi.advanceTimersByTime(1)
}

describe('on() / off()', () => {
  it('uses the SDK event strings', () => {
    expect(CHAT_EVENT).toEqual({
      SDK_READY: 'sdkStateReady',
      SDK_NOT_READY: 'sdkStateNotReady',
      KICKED_OUT: 'kickedOut',
      NET_STATE_CHANGE: 'netStateChange',
      ERROR: 'error',
      SDK_DESTROY: 'sdkDestroy',
    })
    expect(CHAT_TYPES).toMatchObject({
      KICKED_OUT_MULT_ACCOUNT: 'multipleAccount',
      KICKED_OUT_MULT_DEVICE: 'multipleDevice',
      KICKED_OUT_USERSIG_EXPIRED: 'userSigExpired',
      KICKED_OUT_REST_API: 'REST_API_Kick',
    })
  })

  it('hands listeners {name, data}', async () => {
    const chat = createFakeChat()
    const handler = vi.fn()
    chat.on('sdkStateReady', handler)
    await loginReady(chat)
    expect(handler).toHaveBeenCalledExactlyOnceWith({ name: 'sdkStateReady', data: undefined })
  })

  it('swallows exceptions thrown by a handler and keeps calling the others', async () => {
    const chat = createFakeChat()
    const boom = new Error('app bug')
    const after = vi.fn()
    chat.on('sdkStateReady', () => {
      throw boom
    })
    chat.on('sdkStateReady', after)
    await expect(loginReady(chat)).resolves.toBeUndefined()
    expect(after).toHaveBeenCalledOnce()
    expect(chat.fake.handlerErrors).toEqual([boom])
  })

  it('fires a handler registered twice twice, and one off() removes both', async () => {
    const chat = createFakeChat()
    const handler = vi.fn()
    chat.on('sdkStateReady', handler)
    chat.on('sdkStateReady', handler)
    expect(chat.fake.listenerCount()).toBe(2)
    await loginReady(chat)
    expect(handler).toHaveBeenCalledTimes(2)
    chat.off('sdkStateReady', handler)
    expect(chat.fake.listenerCount()).toBe(0)
    await chat.logout()
    await loginReady(chat)
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('survives on → off → on (StrictMode effects)', async () => {
    const chat = createFakeChat()
    const handler = vi.fn()
    chat.on('sdkStateReady', handler)
    chat.off('sdkStateReady', handler)
    chat.on('sdkStateReady', handler)
    await loginReady(chat)
    expect(handler).toHaveBeenCalledOnce()
  })

  it('calls handlers with their on() context; off() with a context removes only that one', async () => {
    const chat = createFakeChat()
    const a = { id: 'a' }
    const b = { id: 'b' }
    const contexts: unknown[] = []
    function handler(this: unknown, _event: ChatEvent): void {
      contexts.push(this)
    }
    chat.on('sdkStateReady', handler, a)
    chat.on('sdkStateReady', handler, b)
    chat.off('sdkStateReady', handler, a)
    await loginReady(chat)
    expect(contexts).toEqual([b])
  })

  it('ignores off() for a handler that was never registered', () => {
    const chat = createFakeChat()
    const handler = vi.fn()
    chat.on('sdkStateReady', handler)
    chat.off('sdkStateReady', () => undefined)
    chat.off('kickedOut', handler)
    expect(chat.fake.listenerCount()).toBe(1)
  })

  it('throws like EventEmitter3 for a non-function handler', () => {
    const chat = createFakeChat()
    expect(() => chat.on('sdkStateReady', 42 as never)).toThrow(TypeError)
  })

  it('lets a handler remove itself during an emit without skipping the next one', async () => {
    const chat = createFakeChat()
    const second = vi.fn()
    const first = (): void => chat.off('sdkStateReady', first)
    chat.on('sdkStateReady', first)
    chat.on('sdkStateReady', second)
    await loginReady(chat)
    expect(second).toHaveBeenCalledOnce()
    expect(chat.fake.listenerCount()).toBe(1)
  })
})
