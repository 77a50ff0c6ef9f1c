import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeChat } from '../../src/fake/createFakeChat'
import { createFakeChatService } from '../../src/fake/createFakeChatService'
import { SECRET_KEY, sigFor, track } from './helpers'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const service = () => createFakeChatService({ secretKey: SECRET_KEY, helloInterval: 1000 })

describe('lasting faults of the fake service (the gateway names)', () => {
  it('black-hole: a login goes unanswered while it lasts and is answered once it ends', async () => {
    const s = service()
    const chat = createFakeChat({ service: s })
    s.setFault('black-hole')
    const login = track(chat.login({ userID: 'alice', userSig: await sigFor('alice') }))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(login.current.status).toBe('pending')
    expect(s.sessions()).toEqual({})
    s.setFault('none')
    // The sig check runs on Node's thread pool, outside fake time.
    await vi.waitFor(() => expect(login.current.status).toBe('resolved'))
    expect(s.sessions()).toEqual({ alice: 1 })
  })

  it('black-hole: a signed-in client hears nothing (no expiry) until it ends', async () => {
    const s = service()
    const chat = createFakeChat({ service: s })
    await chat.login({ userID: 'alice', userSig: await sigFor('alice') })
    await vi.advanceTimersByTimeAsync(10)
    const kicked = vi.fn()
    chat.on('kickedOut', kicked)
    s.setFault('black-hole')
    s.expire('alice')
    await vi.advanceTimersByTimeAsync(3000)
    expect(kicked).not.toHaveBeenCalled()
    s.setFault('none')
    await vi.advanceTimersByTimeAsync(200)
    expect(kicked).toHaveBeenCalledTimes(1)
  })

  it('hang-login: logins stay pending, other clients keep their heartbeats', async () => {
    const s = service()
    const bob = createFakeChat({ service: s })
    await bob.login({ userID: 'bob', userSig: await sigFor('bob') })
    s.setFault('hang-login')
    const alice = createFakeChat({ service: s })
    const login = track(alice.login({ userID: 'alice', userSig: await sigFor('alice') }))
    s.expire('bob')
    await vi.advanceTimersByTimeAsync(2000)
    expect(login.current.status).toBe('pending')
    // bob's heartbeat was answered: the expiry reached him.
    expect(bob.isReady()).toBe(false)
    s.setFault('none')
    // The sig check runs on Node's thread pool, outside fake time.
    await vi.waitFor(() => expect(login.current.status).toBe('resolved'))
  })

  it('refuses an unknown fault name', () => {
    expect(() => service().setFault('blackhole' as 'none')).toThrow(RangeError)
  })
})
