import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeChat } from '../../src/fake/createFakeChat'
import { names, recordEvents, sigFor, track } from './helpers'

/** Real setImmediate lets the tests wait for the sig check (zlib, off the timer queue) to finish. */
const realTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('destroy()', () => {
  it('logs out when logged in: SDK_NOT_READY, then SDK_DESTROY {SDKAppID}, then resolves', async () => {
    const chat = createFakeChat({ sdkAppId: 1400000123 })
    await chat.login({ userID: 'alice', userSig: await sigFor('alice', { sdkAppId: 1400000123 }) })
    vi.advanceTimersByTime(1)
    const seen = recordEvents(chat)
    const order: string[] = []
    await chat.destroy().then((value) => {
      order.push(...names(seen), 'resolved')
      expect(value).toEqual({ code: 0, data: {} })
    })
    expect(order).toEqual(['sdkStateNotReady', 'sdkDestroy', 'resolved'])
    expect(seen[1]?.data).toEqual({ SDKAppID: 1400000123 })
    expect(chat.fake.service.sessions()).toEqual({})
  })

  it('rejects 2024 when not logged in, but still tears down and emits SDK_DESTROY', async () => {
    const chat = createFakeChat()
    const seen = recordEvents(chat)
    await expect(chat.destroy()).rejects.toMatchObject({ code: 2024 })
    expect(names(seen)).toEqual(['sdkDestroy'])
    expect(chat.fake.listenerCount()).toBe(0)
  })

  it('leaves a pending login pending forever', async () => {
    const chat = createFakeChat({ latency: 1000 })
    const login = track(chat.login({ userID: 'alice', userSig: await sigFor('alice') }))
    await expect(chat.destroy()).rejects.toMatchObject({ code: 2024 })
    await vi.advanceTimersByTimeAsync(100_000)
    for (let i = 0; i < 20; i++) await realTick()
    expect(login.current.status).toBe('pending')
    expect(chat.fake.service.sessions()).toEqual({})
  })

  it('leaves a pending login pending even when its answer is already on the way', async () => {
    const chat = createFakeChat()
    const login = track(chat.login({ userID: 'alice', userSig: await sigFor('alice') }))
    await expect(chat.destroy()).rejects.toMatchObject({ code: 2024 })
    for (let i = 0; i < 20; i++) await realTick()
    await vi.advanceTimersByTimeAsync(100_000)
    expect(login.current.status).toBe('pending')
  })

  it('leaves no listener and no timer behind, whatever was going on', async () => {
    const chat = createFakeChat({ helloInterval: 5000 })
    recordEvents(chat)
    await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    chat.fake.outage(60_000)
    chat.fake.drop()
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    // wslogout waits for the socket, so destroy() during an outage takes up to the 15 s request timeout.
    const destroyed = track(chat.destroy())
    await vi.advanceTimersByTimeAsync(14_999)
    expect(destroyed.current.status).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(destroyed.current).toEqual({ status: 'resolved', value: { code: 0, data: {} } })
    expect(chat.fake.listenerCount()).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('counts calls and keeps the instance dead afterwards', async () => {
    const chat = createFakeChat()
    await chat.destroy().catch(() => undefined)
    await expect(chat.destroy()).rejects.toMatchObject({ code: 2024 })
    const login = track(chat.login({ userID: 'alice', userSig: await sigFor('alice') }))
    chat.fake.setNet('disconnected')
    expect(chat.fake.kick('rest-api')).toBe(false)
    await vi.advanceTimersByTimeAsync(100_000)
    expect(login.current.status).toBe('pending')
    expect(chat.fake.netState()).toBe('connected')
    expect(chat.fake.calls).toEqual({ login: 1, logout: 0, destroy: 2 })
    expect(vi.getTimerCount()).toBe(0)
  })
})
