import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeChat, type FakeChat } from '../../src/fake/createFakeChat'
import { names, recordEvents, SECRET_KEY, sigFor } from './helpers'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 15, 12, 0, 0) })
})
afterEach(() => {
  vi.useRealTimers()
})

async function loginReady(chat: FakeChat, expireSeconds = 86400): Promise<void> {
  await chat.login({ userID: 'alice', userSig: await sigFor('alice', { expireSeconds }) })
  vi.advanceTimersByTime(1)
}

describe('multi-account / multi-device kicks', () => {
  it.each([
    ['multi-account', 'multipleAccount'],
    ['multi-device', 'multipleDevice'],
  ] as const)('%s: KICKED_OUT {type: %s} while still ready, then SDK_NOT_READY', async (kind, type) => {
    const chat = createFakeChat()
    await loginReady(chat)
    const seen = recordEvents(chat)
    expect(chat.fake.kick(kind)).toBe(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(seen).toEqual([
      { name: 'kickedOut', data: { type }, ready: true, user: 'alice' },
      { name: 'sdkStateNotReady', data: undefined, ready: false, user: '' },
    ])
    vi.advanceTimersByTime(60_000)
    expect(seen).toHaveLength(2)
    expect(chat.fake.service.sessions()).toEqual({})
  })

  it('tells the app only after its own wslogout round trip', async () => {
    const chat = createFakeChat({ latency: 200 })
    const login = chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    await vi.advanceTimersByTimeAsync(200)
    await login
    vi.advanceTimersByTime(1)
    const seen = recordEvents(chat)
    chat.fake.kick('multi-device')
    await vi.advanceTimersByTimeAsync(199)
    expect(seen).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(names(seen)).toEqual(['kickedOut', 'sdkStateNotReady'])
  })

  it('does nothing when not logged in', () => {
    expect(createFakeChat().fake.kick('multi-account')).toBe(false)
  })

  it('allows an immediate re-login after the kick', async () => {
    const chat = createFakeChat()
    await loginReady(chat)
    chat.fake.kick('multi-account')
    await vi.advanceTimersByTimeAsync(0)
    await loginReady(chat)
    expect(chat.isReady()).toBe(true)
  })
})

describe('REST API kick', () => {
  it('KICKED_OUT {type: REST_API_Kick}, SDK_NOT_READY, then connecting → connected', async () => {
    const chat = createFakeChat()
    await loginReady(chat)
    const seen = recordEvents(chat)
    chat.fake.kick('rest-api')
    expect(seen.slice(0, 2)).toEqual([
      { name: 'kickedOut', data: { type: 'REST_API_Kick' }, ready: true, user: 'alice' },
      { name: 'sdkStateNotReady', data: undefined, ready: false, user: '' },
    ])
    await vi.advanceTimersByTimeAsync(0)
    expect(names(seen)).toEqual(['kickedOut', 'sdkStateNotReady', 'net:connecting', 'net:connected'])
  })
})

describe('UserSig expiry while online', () => {
  it('is noticed on the next heartbeat: KICKED_OUT userSigExpired, NOT_READY, reconnect', async () => {
    const chat = createFakeChat({ helloInterval: 10_000 })
    await loginReady(chat, 25)
    const seen = recordEvents(chat)
    await vi.advanceTimersByTimeAsync(25_000)
    expect(seen).toEqual([])
    await vi.advanceTimersByTimeAsync(5_000)
    expect(seen.slice(0, 2)).toEqual([
      { name: 'kickedOut', data: { type: 'userSigExpired' }, ready: true, user: 'alice' },
      { name: 'sdkStateNotReady', data: undefined, ready: false, user: '' },
    ])
    expect(names(seen)).toEqual(['kickedOut', 'sdkStateNotReady', 'net:connecting', 'net:connected'])
  })

  it('uses a 30 s heartbeat by default and reports it in seconds', async () => {
    const chat = createFakeChat({ secretKey: SECRET_KEY })
    const result = await chat.login({ userID: 'alice', userSig: await sigFor('alice', { expireSeconds: 1 }) })
    expect(result.data).toMatchObject({ helloInterval: 30 })
    const seen = recordEvents(chat)
    await vi.advanceTimersByTimeAsync(29_999)
    expect(names(seen)).toEqual(['sdkStateReady'])
    await vi.advanceTimersByTimeAsync(1)
    expect(names(seen)).toContain('kickedOut')
  })

  it('is never noticed when the app stays offline (no heartbeat reaches the server)', async () => {
    const chat = createFakeChat({ helloInterval: 1_000 })
    await loginReady(chat, 2)
    chat.fake.setNet('disconnected')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(chat.isReady()).toBe(true)
    chat.fake.setNet('connected')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(chat.isReady()).toBe(false)
  })

  it('can be forced at once with expireSig()', async () => {
    const chat = createFakeChat()
    await loginReady(chat)
    const seen = recordEvents(chat)
    expect(chat.fake.expireSig()).toBe(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(names(seen)).toEqual(['kickedOut', 'sdkStateNotReady', 'net:connecting', 'net:connected'])
    expect(seen[0]?.data).toEqual({ type: 'userSigExpired' })
    expect(chat.fake.expireSig()).toBe(false)
  })
})
