import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeChat, type FakeChat } from '../../src/fake/createFakeChat'
import { names, recordEvents, sigFor } from './helpers'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

async function loginReady(chat: FakeChat): Promise<void> {
  await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
  vi.advanceTimersByTime(1)
}

describe('network state', () => {
  it('emits no netStateChange for the first connection', async () => {
    const chat = createFakeChat()
    const seen = recordEvents(chat)
    await loginReady(chat)
    expect(names(seen)).toEqual(['sdkStateReady'])
    expect(chat.fake.netState()).toBe('connected')
  })

  it('drop() of an established socket: connecting → connected one round trip later, still ready', async () => {
    const chat = createFakeChat({ latency: 100 })
    const login = chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    await vi.advanceTimersByTimeAsync(100)
    await login
    await vi.advanceTimersByTimeAsync(1_000)
    const seen = recordEvents(chat)
    chat.fake.drop()
    expect(names(seen)).toEqual(['net:connecting'])
    expect(chat.isReady()).toBe(true)
    await vi.advanceTimersByTimeAsync(100)
    expect(names(seen)).toEqual(['net:connecting', 'net:connected'])
    expect(chat.isReady()).toBe(true)
    expect(chat.getLoginUser()).toBe('alice')
  })

  it('drop() within 1 s of the socket opening is a failed connect: disconnected → connected', async () => {
    const chat = createFakeChat()
    await loginReady(chat)
    await vi.advanceTimersByTimeAsync(998)
    const seen = recordEvents(chat)
    chat.fake.drop()
    await vi.advanceTimersByTimeAsync(0)
    expect(names(seen)).toEqual(['net:disconnected', 'net:connected'])
    // The reconnect opened a new socket, which is young again.
    chat.fake.drop()
    await vi.advanceTimersByTimeAsync(1_000)
    chat.fake.drop()
    await vi.advanceTimersByTimeAsync(0)
    expect(names(seen).slice(2)).toEqual([
      'net:disconnected',
      'net:connected',
      'net:connecting',
      'net:connected',
    ])
  })

  it('outage(): connecting, disconnected at once, a retry every 3.5 s, still ready, then connected', async () => {
    const chat = createFakeChat()
    await loginReady(chat)
    await vi.advanceTimersByTimeAsync(1_000)
    const seen = recordEvents(chat)
    chat.fake.outage(12_000)
    const states: string[] = []
    for (let t = 0; t < 12_000; t += 500) {
      await vi.advanceTimersByTimeAsync(0)
      states.push(chat.fake.netState())
      expect(chat.isReady()).toBe(true)
      await vi.advanceTimersByTimeAsync(500)
    }
    await vi.advanceTimersByTimeAsync(0)
    expect(names(seen)).toEqual([
      ...['net:connecting', 'net:disconnected'],
      ...['net:connecting', 'net:disconnected'],
      ...['net:connecting', 'net:disconnected'],
      ...['net:connecting', 'net:disconnected'],
      'net:connected',
    ])
    expect(states.every((s) => s === 'disconnected')).toBe(true)
    expect(chat.isReady()).toBe(true)
    expect(seen.every((e) => e.ready && e.user === 'alice')).toBe(true)
  })

  it('outage() shorter than one retry: connecting, disconnected, connected', async () => {
    const chat = createFakeChat({ latency: 50 })
    await vi.advanceTimersByTimeAsync(1_000)
    const seen = recordEvents(chat)
    chat.fake.outage(1000)
    expect(names(seen)).toEqual(['net:connecting'])
    await vi.advanceTimersByTimeAsync(50)
    expect(names(seen)).toEqual(['net:connecting', 'net:disconnected'])
    await vi.advanceTimersByTimeAsync(999)
    expect(names(seen)).toEqual(['net:connecting', 'net:disconnected'])
    await vi.advanceTimersByTimeAsync(1)
    expect(names(seen)).toEqual(['net:connecting', 'net:disconnected', 'net:connected'])
  })

  it('outage() of a socket younger than 1 s starts with disconnected', async () => {
    const chat = createFakeChat()
    const seen = recordEvents(chat)
    chat.fake.outage(1000)
    await vi.advanceTimersByTimeAsync(1000)
    expect(names(seen)).toEqual(['net:disconnected', 'net:connected'])
  })

  it('setNet() emits only changes and does not touch the session', async () => {
    const chat = createFakeChat()
    await loginReady(chat)
    const seen = recordEvents(chat)
    chat.fake.setNet('connected')
    chat.fake.setNet('disconnected')
    chat.fake.setNet('disconnected')
    chat.fake.setNet('connecting')
    chat.fake.setNet('connected')
    expect(seen).toEqual([
      { name: 'netStateChange', data: { state: 'disconnected' }, ready: true, user: 'alice' },
      { name: 'netStateChange', data: { state: 'connecting' }, ready: true, user: 'alice' },
      { name: 'netStateChange', data: { state: 'connected' }, ready: true, user: 'alice' },
    ])
  })

  it('a newer network control wins over the reconnect of an older one', async () => {
    const chat = createFakeChat({ latency: 100 })
    await vi.advanceTimersByTimeAsync(1_000)
    const seen = recordEvents(chat)
    chat.fake.drop()
    chat.fake.setNet('disconnected')
    await vi.advanceTimersByTimeAsync(1000)
    expect(names(seen)).toEqual(['net:connecting', 'net:disconnected'])
    expect(chat.fake.netState()).toBe('disconnected')
  })
})
