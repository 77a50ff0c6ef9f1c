import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeChat } from '../../src/fake/createFakeChat'
import { createFakeChatService } from '../../src/fake/createFakeChatService'
import { names, recordEvents, SECRET_KEY, sigFor } from './helpers'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createFakeChatService', () => {
  it('kicks the older client when the same user logs in elsewhere (multipleAccount)', async () => {
    const service = createFakeChatService({ secretKey: SECRET_KEY })
    const older = createFakeChat({ service })
    const newer = createFakeChat({ service })
    await older.login({ userID: 'alice', userSig: await sigFor('alice') })
    vi.advanceTimersByTime(1)
    const olderSeen = recordEvents(older)
    const newerSeen = recordEvents(newer)
    await newer.login({ userID: 'alice', userSig: await sigFor('alice') })
    await vi.advanceTimersByTimeAsync(1)
    expect(olderSeen).toEqual([
      { name: 'kickedOut', data: { type: 'multipleAccount' }, ready: true, user: 'alice' },
      { name: 'sdkStateNotReady', data: undefined, ready: false, user: '' },
    ])
    expect(names(newerSeen)).toEqual(['sdkStateReady'])
    expect(service.sessions()).toEqual({ alice: 1 })
  })

  it('lets different users share the service', async () => {
    const service = createFakeChatService()
    const a = createFakeChat({ service })
    const b = createFakeChat({ service })
    await a.login({ userID: 'alice', userSig: await sigFor('alice') })
    await b.login({ userID: 'bob', userSig: await sigFor('bob') })
    vi.advanceTimersByTime(1)
    expect(a.isReady() && b.isReady()).toBe(true)
    expect(service.sessions()).toEqual({ alice: 1, bob: 1 })
    await a.logout()
    expect(service.sessions()).toEqual({ bob: 1 })
  })

  it('kicks every client of a user with service.kick()', async () => {
    const service = createFakeChatService()
    const chat = createFakeChat({ service })
    await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    vi.advanceTimersByTime(1)
    const seen = recordEvents(chat)
    expect(service.kick('alice', 'rest-api')).toBe(1)
    expect(service.kick('nobody', 'rest-api')).toBe(0)
    expect(seen[0]).toMatchObject({ name: 'kickedOut', data: { type: 'REST_API_Kick' } })
    expect(service.sessions()).toEqual({})
  })

  it('checks sigs against its own SDKAppID', async () => {
    const service = createFakeChatService({ sdkAppId: 1400000999 })
    const chat = createFakeChat({ service })
    await expect(chat.login({ userID: 'alice', userSig: await sigFor('alice') })).rejects.toMatchObject({
      code: 70014,
    })
    await expect(
      chat.login({ userID: 'alice', userSig: await sigFor('alice', { sdkAppId: 1400000999 }) }),
    ).resolves.toMatchObject({ code: 0 })
  })

  it('accepts any non-empty sig with verifySig: false', async () => {
    const chat = createFakeChat({ verifySig: false })
    await expect(chat.login({ userID: 'alice', userSig: 'anything' })).resolves.toMatchObject({ code: 0 })
  })

  it('hands each login a distinct instance', async () => {
    const service = createFakeChatService()
    const a = await createFakeChat({ service }).login({ userID: 'a', userSig: await sigFor('a') })
    const b = await createFakeChat({ service }).login({ userID: 'b', userSig: await sigFor('b') })
    expect(a.data).not.toEqual(b.data)
  })

  it('expire(userID): every client of the user hears it on its next heartbeat, and stops counting at once', async () => {
    const service = createFakeChatService({ secretKey: SECRET_KEY, helloInterval: 1_000 })
    const alice = createFakeChat({ service })
    const bob = createFakeChat({ service })
    await alice.login({ userID: 'alice', userSig: await sigFor('alice') })
    await bob.login({ userID: 'bob', userSig: await sigFor('bob') })
    vi.advanceTimersByTime(1)
    const seen = recordEvents(alice)
    expect(service.expire('alice')).toBe(1)
    expect(service.sessions()).toEqual({ bob: 1 })
    expect(seen).toEqual([])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(names(seen)).toEqual(['kickedOut', 'sdkStateNotReady', 'net:connecting', 'net:connected'])
    expect(seen[0]).toMatchObject({ data: { type: 'userSigExpired' }, ready: true, user: 'alice' })
    expect(bob.isReady()).toBe(true)
    expect(service.expire('nobody')).toBe(0)
  })

  it('failNextLogin / hangNextLogin arm the next fresh logins of any client, in order', async () => {
    const service = createFakeChatService({ secretKey: SECRET_KEY })
    const a = createFakeChat({ service })
    const b = createFakeChat({ service })
    service.hangNextLogin()
    service.failNextLogin(60020, 'no package')
    let hung = 'pending'
    a.login({ userID: 'alice', userSig: await sigFor('alice') }).catch((e: { code: number }) => {
      hung = String(e.code)
    })
    await expect(b.login({ userID: 'bob', userSig: await sigFor('bob') })).rejects.toMatchObject({
      code: 60020,
      message: 'no package',
    })
    await expect(b.login({ userID: 'bob', userSig: await sigFor('bob') })).resolves.toMatchObject({ code: 0 })
    await vi.advanceTimersByTimeAsync(89_999)
    expect(hung).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(hung).toBe('2801')
    expect(() => service.failNextLogin(0)).toThrow(TypeError)
  })

  it('rejects nonsense options', () => {
    expect(() => createFakeChatService({ latency: -1 })).toThrow(TypeError)
    expect(() => createFakeChatService({ helloInterval: 0 })).toThrow(TypeError)
    expect(() => createFakeChatService({ sdkAppId: 1.5 })).toThrow(TypeError)
  })
})
