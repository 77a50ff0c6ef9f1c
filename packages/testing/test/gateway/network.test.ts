import { describe, expect } from 'vitest'
import { WebSocket } from 'ws'
import { APP_ID, type Harness, sleep, type TestChat, test, waitFor } from './_sdk'

/**
 * A ready chat whose socket has been open for over a second: the SDK treats a socket that closes within 1 s
 * of opening as a failed connect and reports `disconnected` instead of `connecting` (SocketHandler.onClose).
 */
async function settledChat(h: Harness, userID: string): Promise<TestChat> {
  const t = await h.readyChat(userID)
  await sleep(1100)
  return t
}

function openRawSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/binfo?sdkappid=${APP_ID}`)
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

const relogins = (h: Harness) => h.lines.filter((l) => l.includes('silent re-login')).length

describe.concurrent('connection trouble (real SDK)', () => {
  test('dropConnections: connecting → connected, a silent re-login, and the SDK stays ready', async ({
    h,
  }) => {
    const t = await settledChat(h, 'alice')
    const mark = t.events.length
    expect(h.gateway.dropConnections()).toBe(1)
    await waitFor(() => t.names(mark).includes('net:connected'), 3000, 'reconnected')
    await waitFor(() => relogins(h) === 1, 2000, 'silent re-login')
    expect(t.names(mark)).toEqual(['net:connecting', 'net:connected'])
    expect(t.events.slice(mark).every((e) => e.ready)).toBe(true)
    expect(t.chat.isReady()).toBe(true)
    expect(h.gateway.sessions()).toEqual({ alice: 1 })
    // The re-logged-in session keeps working: a later kick still reaches it.
    h.gateway.kick('alice', 'multi-device')
    await waitFor(() => t.names(mark).includes('sdkStateNotReady'), 3000, 'kick after re-login')
  })

  test('outage: connecting ↔ disconnected while isReady stays true, then connected and re-logged in', async ({
    h,
  }) => {
    const t = await settledChat(h, 'bob')
    const mark = t.events.length
    const resumed = h.gateway.outage(1500)
    expect(h.gateway.status().paused).toBe(true)
    await waitFor(() => t.names(mark).includes('net:disconnected'), 2000, 'disconnected')
    expect(t.chat.isReady()).toBe(true)
    await resumed
    expect(h.gateway.status().paused).toBe(false)
    await waitFor(() => t.names(mark).at(-1) === 'net:connected', 4000, 'connected after the outage')
    await waitFor(() => relogins(h) >= 1, 2000, 'silent re-login')
    const states = t.names(mark)
    expect(states[0]).toBe('net:connecting')
    expect(states).toContain('net:disconnected')
    expect(states.every((s) => s.startsWith('net:'))).toBe(true)
    expect(t.events.slice(mark).every((e) => e.ready)).toBe(true)
    expect(h.gateway.sessions()).toEqual({ bob: 1 })
  })

  test('pause refuses websockets (503) until resume; sessions() keeps the user for a grace period', async ({
    h,
  }) => {
    const t = await settledChat(h, 'carol')
    h.gateway.pause()
    expect(h.gateway.status().connections).toBe(0)
    await expect(openRawSocket(h.gateway.url)).rejects.toThrow(/503/)
    expect(h.gateway.sessions()).toEqual({ carol: 1 })
    h.gateway.resume()
    await waitFor(() => h.gateway.status().connections === 1, 4000, 'reconnect after resume')
    expect(t.chat.isReady()).toBe(true)
  })
})
