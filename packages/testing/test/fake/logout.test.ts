import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeChat } from '../../src/fake/createFakeChat'
import { names, recordEvents, sigFor, track } from './helpers'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('logout()', () => {
  it('rejects 2024 when not logged in', async () => {
    const chat = createFakeChat()
    await expect(chat.logout()).rejects.toMatchObject({ code: 2024, message: '', data: {} })
    expect(chat.fake.calls.logout).toBe(1)
  })

  it('rejects 2024 while a login is pending, and does not cancel it', async () => {
    const chat = createFakeChat({ latency: 1000 })
    const login = track(chat.login({ userID: 'alice', userSig: await sigFor('alice') }))
    await expect(chat.logout()).rejects.toMatchObject({ code: 2024 })
    await vi.advanceTimersByTimeAsync(1000)
    await vi.waitFor(() => expect(login.current.status).toBe('resolved'))
    expect(chat.getLoginUser()).toBe('alice')
  })

  it('emits SDK_NOT_READY, then resolves {code: 0, data: {}}', async () => {
    const chat = createFakeChat()
    await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    vi.advanceTimersByTime(1)
    const order: string[] = []
    chat.on('sdkStateNotReady', () => order.push('SDK_NOT_READY'))
    await chat.logout().then((value) => {
      order.push('resolved')
      expect(value).toEqual({ code: 0, data: {} })
    })
    expect(order).toEqual(['SDK_NOT_READY', 'resolved'])
    expect(chat.isReady()).toBe(false)
    expect(chat.getLoginUser()).toBe('')
    expect(chat.fake.service.sessions()).toEqual({})
  })

  it('waits one round trip for wslogout, staying ready meanwhile', async () => {
    const chat = createFakeChat({ latency: 300 })
    const login = chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    await vi.advanceTimersByTimeAsync(300)
    await login
    vi.advanceTimersByTime(1)
    const seen = recordEvents(chat)
    const logout = track(chat.logout())
    await vi.advanceTimersByTimeAsync(299)
    expect(chat.isReady()).toBe(true)
    expect(logout.current.status).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(names(seen)).toEqual(['sdkStateNotReady'])
    expect(logout.current.status).toBe('resolved')
  })

  it('still resolves when wslogout times out (socket down for 15 s)', async () => {
    const chat = createFakeChat()
    await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    vi.advanceTimersByTime(1)
    chat.fake.setNet('disconnected')
    const logout = track(chat.logout())
    await vi.advanceTimersByTimeAsync(15_000)
    expect(logout.current).toEqual({ status: 'resolved', value: { code: 0, data: {} } })
    expect(chat.isReady()).toBe(false)
  })

  it('cancels a pending SDK_READY when called in the 1 ms gap', async () => {
    const chat = createFakeChat()
    const seen = recordEvents(chat)
    await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    await chat.logout()
    vi.advanceTimersByTime(10)
    expect(names(seen)).toEqual(['sdkStateNotReady'])
  })

  it('allows an immediate re-login, as another user too', async () => {
    const chat = createFakeChat()
    await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    vi.advanceTimersByTime(1)
    await chat.logout()
    await expect(chat.login({ userID: 'bob', userSig: await sigFor('bob') })).resolves.toMatchObject({
      data: { errorCode: 0 },
    })
    vi.advanceTimersByTime(1)
    expect(chat.getLoginUser()).toBe('bob')
    expect(chat.isReady()).toBe(true)
  })
})
