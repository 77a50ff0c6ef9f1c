import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeChat } from '../../src/fake/createFakeChat'
import { FakeChatError } from '../../src/fake/fakeChatError'
import { names, recordEvents, SDK_APP_ID, SECRET_KEY, sigFor, track } from './helpers'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 15, 12, 0, 0) })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('login() parameters', () => {
  it.each([
    ['missing userID', { userSig: 'x' }],
    ['empty userID', { userID: '', userSig: 'x' }],
    ['numeric userID', { userID: 123, userSig: 'x' }],
    ['missing userSig', { userID: 'alice' }],
    ['empty userSig', { userID: 'alice', userSig: '' }],
    ['numeric userSig', { userID: 'alice', userSig: 42 }],
    ['no options', undefined],
  ])('throws synchronously for %s', (_, options) => {
    const chat = createFakeChat()
    expect(() => chat.login(options as never)).toThrow(new Error('Params validate failed.'))
    expect(chat.fake.calls.login).toBe(1)
  })
})

describe('login() success', () => {
  it('resolves with the fresh-login payload, then emits SDK_READY 1 ms later', async () => {
    const chat = createFakeChat({ secretKey: SECRET_KEY })
    const seen = recordEvents(chat)
    const result = await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    expect(result).toEqual({
      code: 0,
      data: {
        errorCode: 0,
        errorInfo: '',
        a2Key: expect.any(String),
        tinyID: expect.any(String),
        instanceID: expect.any(Number),
        helloInterval: 30,
        timeStamp: Math.floor(Date.now() / 1000),
      },
    })
    expect(result.data).not.toHaveProperty('repeatLogin')
    expect(seen).toEqual([])
    vi.advanceTimersByTime(1)
    expect(seen).toEqual([{ name: 'sdkStateReady', data: undefined, ready: true, user: 'alice' }])
  })

  it('is logged in but not ready between the resolve and SDK_READY', async () => {
    const chat = createFakeChat()
    await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    expect(chat.isReady()).toBe(false)
    expect(chat.getLoginUser()).toBe('alice')
    const errors = recordEvents(chat)
    await expect(chat.getConversationList()).rejects.toMatchObject({ code: 3000 })
    expect(errors).toEqual([
      {
        name: 'error',
        data: { code: 3000, message: ' | getConversationList | ' },
        ready: false,
        user: 'alice',
      },
    ])
    vi.advanceTimersByTime(1)
    expect(chat.isReady()).toBe(true)
  })

  it('reports nobody as logged in while the login is pending', async () => {
    const chat = createFakeChat({ latency: 200 })
    const login = chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    expect(chat.getLoginUser()).toBe('')
    expect(chat.isReady()).toBe(false)
    await vi.advanceTimersByTimeAsync(200)
    await login
    expect(chat.getLoginUser()).toBe('alice')
  })

  it('waits one round trip when the service has latency', async () => {
    const chat = createFakeChat({ latency: 500 })
    const login = track(chat.login({ userID: 'alice', userSig: await sigFor('alice') }))
    await vi.advanceTimersByTimeAsync(499)
    expect(login.current.status).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    await vi.waitFor(() => expect(login.current.status).toBe('resolved'))
  })
})

describe('login() when already logged in', () => {
  it('resolves at once with repeatLogin, sends nothing and keeps the first user', async () => {
    const chat = createFakeChat()
    await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    vi.advanceTimersByTime(1)
    const seen = recordEvents(chat)
    chat.fake.setLatency(10_000)
    const again = track(chat.login({ userID: 'bob', userSig: await sigFor('bob') }))
    await Promise.resolve()
    expect(again.current).toEqual({
      status: 'resolved',
      value: { code: 0, data: { actionStatus: 'OK', errorCode: 0, errorInfo: '', repeatLogin: true } },
    })
    vi.advanceTimersByTime(20_000)
    expect(seen).toEqual([])
    expect(chat.getLoginUser()).toBe('alice')
    expect(chat.isReady()).toBe(true)
    expect(chat.fake.service.sessions()).toEqual({ alice: 1 })
  })
})

describe('login() while a login is pending', () => {
  it('rejects 2025 for any user within 15 s of the pending one', async () => {
    const chat = createFakeChat({ latency: 1000 })
    const first = chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    vi.advanceTimersByTime(500)
    await expect(chat.login({ userID: 'alice', userSig: await sigFor('alice') })).rejects.toMatchObject({
      code: 2025,
      message: '',
      data: {},
    })
    await expect(chat.login({ userID: 'bob', userSig: await sigFor('bob') })).rejects.toMatchObject({
      code: 2025,
    })
    await vi.advanceTimersByTimeAsync(500)
    await expect(first).resolves.toMatchObject({ code: 0 })
    expect(chat.getLoginUser()).toBe('alice')
  })

  it('sends a second login once the pending one is older than 15 s', async () => {
    const chat = createFakeChat()
    chat.fake.hangNextLogin()
    const first = track(chat.login({ userID: 'alice', userSig: await sigFor('alice') }))
    vi.advanceTimersByTime(15_000)
    await expect(chat.login({ userID: 'alice', userSig: await sigFor('alice') })).rejects.toMatchObject({
      code: 2025,
    })
    vi.advanceTimersByTime(1)
    await expect(chat.login({ userID: 'alice', userSig: await sigFor('alice') })).resolves.toMatchObject({
      data: { errorCode: 0 },
    })
    expect(first.current.status).toBe('pending')
    expect(chat.fake.calls.login).toBe(3)
  })
})

describe('login() rejected by the server', () => {
  it.each([
    ['an expired sig', 70001, () => sigFor('alice', { expireSeconds: -1 })],
    ['garbage', 70003, async () => 'this-is-not-a-user-sig'],
    ['a sig signed with another key', 70003, () => sigFor('alice', { secretKey: 'another-key' })],
    ['a sig for another user', 70013, () => sigFor('bob')],
    ['a sig for another app', 70014, () => sigFor('alice', { sdkAppId: SDK_APP_ID + 1 })],
  ])('rejects %s with %i and no session events', async (_, code, makeSig) => {
    const chat = createFakeChat({ secretKey: SECRET_KEY })
    const seen = recordEvents(chat)
    const error = await chat.login({ userID: 'alice', userSig: await makeSig() }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(FakeChatError)
    expect(error).toMatchObject({ code, data: {} })
    expect(typeof (error as Error).message).toBe('string')
    vi.advanceTimersByTime(100)
    expect(names(seen).filter((n) => !n.startsWith('net:'))).toEqual([])
    expect(chat.getLoginUser()).toBe('')
    expect(chat.isReady()).toBe(false)
  })

  it('checks identifier, app and expiry without a secret key, but not the HMAC', async () => {
    const chat = createFakeChat()
    const forged = await sigFor('alice', { secretKey: 'any-key-at-all' })
    await expect(chat.login({ userID: 'alice', userSig: forged })).resolves.toMatchObject({ code: 0 })
    await chat.logout()
    await expect(chat.login({ userID: 'bob', userSig: forged })).rejects.toMatchObject({ code: 70013 })
    await expect(chat.login({ userID: 'alice', userSig: 'garbage-sig-garbage' })).rejects.toMatchObject({
      code: 70003,
    })
  })

  it('expires a sig against the (fake) clock at login time', async () => {
    const chat = createFakeChat({ secretKey: SECRET_KEY })
    const sig = await sigFor('alice', { expireSeconds: 60 })
    vi.setSystemTime(Date.now() + 61_000)
    await expect(chat.login({ userID: 'alice', userSig: sig })).rejects.toMatchObject({ code: 70001 })
  })

  it('recycles the socket after 70001: connecting, then connected', async () => {
    const chat = createFakeChat({ secretKey: SECRET_KEY })
    const seen = recordEvents(chat)
    await expect(
      chat.login({ userID: 'alice', userSig: await sigFor('alice', { expireSeconds: -1 }) }),
    ).rejects.toMatchObject({ code: 70001 })
    await vi.advanceTimersByTimeAsync(0)
    expect(names(seen)).toEqual(['net:connecting', 'net:connected'])
  })

  it('lets the app retry at once after a rejection (the 15 s guard is reset)', async () => {
    const chat = createFakeChat({ secretKey: SECRET_KEY })
    await expect(chat.login({ userID: 'alice', userSig: await sigFor('bob') })).rejects.toMatchObject({
      code: 70013,
    })
    await expect(chat.login({ userID: 'alice', userSig: await sigFor('alice') })).resolves.toMatchObject({
      code: 0,
    })
  })

  it('fails the next login with a chosen code and message (failNextLogin)', async () => {
    const chat = createFakeChat()
    const seen = recordEvents(chat)
    chat.fake.failNextLogin(20002, 'a2 expired')
    await expect(chat.login({ userID: 'alice', userSig: await sigFor('alice') })).rejects.toMatchObject({
      code: 20002,
      message: 'a2 expired',
      data: {},
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(names(seen)).toEqual(['net:connecting', 'net:connected'])
    chat.fake.failNextLogin(60020)
    await expect(chat.login({ userID: 'alice', userSig: await sigFor('alice') })).rejects.toMatchObject({
      code: 60020,
      message: '',
    })
    expect(names(seen)).toEqual(['net:connecting', 'net:connected'])
    await expect(chat.login({ userID: 'alice', userSig: await sigFor('alice') })).resolves.toMatchObject({
      code: 0,
    })
  })
})

describe('login() that is never answered', () => {
  it('rejects with 2801 {headSeq} after 90 s, with no session events', async () => {
    const chat = createFakeChat()
    const seen = recordEvents(chat)
    chat.fake.hangNextLogin()
    const login = track(chat.login({ userID: 'alice', userSig: await sigFor('alice') }))
    await vi.advanceTimersByTimeAsync(89_999)
    expect(login.current.status).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(login.current).toEqual({ status: 'rejected', error: expect.any(FakeChatError) })
    expect((login.current as { error: unknown }).error).toMatchObject({
      code: 2801,
      message: '',
      data: { headSeq: expect.any(Number) },
    })
    expect(seen).toEqual([])
    await expect(chat.getConversationList()).rejects.toMatchObject({ code: 3001 })
  })

  it('rejects with 2801 when the socket never comes back', async () => {
    const chat = createFakeChat()
    chat.fake.setNet('disconnected')
    const login = track(chat.login({ userID: 'alice', userSig: await sigFor('alice') }))
    await vi.advanceTimersByTimeAsync(90_000)
    expect(login.current.status).toBe('rejected')
  })

  it('is sent once the socket reconnects, if that is before the timeout', async () => {
    const chat = createFakeChat()
    chat.fake.setNet('disconnected')
    const login = track(chat.login({ userID: 'alice', userSig: await sigFor('alice') }))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(login.current.status).toBe('pending')
    chat.fake.setNet('connected')
    await vi.waitFor(() => expect(login.current.status).toBe('resolved'))
  })
})
