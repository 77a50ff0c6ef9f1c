import { describe, expect } from 'vitest'
import { type LocalGateway, verifyUserSig } from '../../src/gateway'
import { APP_ID, SECRET_KEY, sign, test, waitFor } from './_sdk'

async function call(
  gateway: LocalGateway,
  method: 'GET' | 'POST' | 'OPTIONS' | 'PUT',
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> | null; headers: Headers }> {
  const res = await fetch(`${gateway.adminUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return {
    status: res.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    headers: res.headers,
  }
}

describe.concurrent('HTTP admin routes', () => {
  test('GET /status and /sessions describe the gateway', async ({ h }) => {
    const { gateway } = h
    const status = await call(gateway, 'GET', '/status')
    expect(status.status).toBe(200)
    expect(status.json).toMatchObject({
      url: gateway.url,
      port: gateway.port,
      sdkAppId: APP_ID,
      paused: false,
    })
    expect((await call(gateway, 'GET', '/sessions')).json).toEqual({ sessions: {} })
  })

  test('POST /usersig issues a sig the gateway accepts, and a chat logs in with it', async ({ h }) => {
    const { gateway } = h
    const { json } = await call(gateway, 'POST', '/usersig', { userID: 'alice', expireSeconds: 300 })
    const userSig = json?.userSig as string
    await expect(
      verifyUserSig(userSig, { userID: 'alice', sdkAppId: APP_ID, secretKey: SECRET_KEY }),
    ).resolves.toMatchObject({ ok: true, identifier: 'alice', sdkAppId: APP_ID })
    const t = h.chat()
    await t.login('alice', userSig)
    expect((await call(gateway, 'GET', '/sessions')).json).toEqual({ sessions: { alice: 1 } })
  })

  test('POST /kick, /expire and /drop act on a logged-in SDK', async ({ h }) => {
    const { gateway } = h
    const t = h.chat()
    await t.login('bob', sign('bob'))
    await waitFor(() => t.chat.isReady(), 2000, 'ready')
    expect((await call(gateway, 'POST', '/drop')).json).toEqual({ dropped: 1 })
    await waitFor(() => t.names().includes('net:connected'), 3000, 'reconnected')
    expect((await call(gateway, 'POST', '/kick', { userID: 'bob', type: 'multi-device' })).json).toEqual({
      kicked: 1,
    })
    await waitFor(() => t.names().includes('sdkStateNotReady'), 3000, 'kicked')
    expect(t.events.find((e) => e.name === 'kickedOut')?.data).toEqual({ type: 'multipleDevice' })

    await t.login('bob', sign('bob'))
    await waitFor(() => t.chat.isReady(), 2000, 'ready again')
    expect((await call(gateway, 'POST', '/expire', { userID: 'bob' })).json).toEqual({ expired: 1 })
    await waitFor(() => t.events.some((e) => (e.data as { type?: string })?.type === 'userSigExpired'), 3000)
  })

  test('POST /pause, /resume, /outage and /latency switch the gateway', async ({ h }) => {
    const { gateway } = h
    await call(gateway, 'POST', '/pause')
    expect(gateway.status().paused).toBe(true)
    await call(gateway, 'POST', '/resume')
    expect(gateway.status().paused).toBe(false)
    expect((await call(gateway, 'POST', '/outage', { ms: 150 })).json).toEqual({ ok: true })
    expect(gateway.status().paused).toBe(true)
    await waitFor(() => !gateway.status().paused, 2000, 'outage over')
    await call(gateway, 'POST', '/latency', { ms: 25 })
    expect(gateway.status().latencyMs).toBe(25)
  })

  test('POST /fail-next-login and /hang-next-login arm the next login', async ({ h }) => {
    const { gateway } = h
    await call(gateway, 'POST', '/fail-next-login', { code: 70020, message: 'app not found' })
    expect((await call(gateway, 'GET', '/status')).json).toMatchObject({ armedLogins: 1 })
    const t = h.chat()
    await expect(t.chat.login({ userID: 'carol', userSig: sign('carol') })).rejects.toMatchObject({
      code: 70020,
    })
    expect((await call(gateway, 'POST', '/hang-next-login')).json).toEqual({ ok: true })
    let settled = false
    t.chat.login({ userID: 'carol', userSig: sign('carol') }).finally(() => (settled = true))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(settled).toBe(false)
    // Each arm is taken by the login that reached the gateway; /disarm drops the ones still waiting.
    expect((await call(gateway, 'GET', '/status')).json).toMatchObject({ armedLogins: 0 })
    await call(gateway, 'POST', '/hang-next-login')
    await call(gateway, 'POST', '/fail-next-login', { code: 70020 })
    expect((await call(gateway, 'POST', '/disarm')).json).toEqual({ disarmed: 2 })
    expect((await call(gateway, 'GET', '/status')).json).toMatchObject({ armedLogins: 0 })
  })

  test('validates bodies and routes: 400, 404, 405', async ({ h }) => {
    const { gateway } = h
    expect((await call(gateway, 'POST', '/kick', { userID: 'x', type: 'multipleDevice' })).status).toBe(400)
    expect((await call(gateway, 'POST', '/kick', { type: 'rest-api' })).status).toBe(400)
    expect((await call(gateway, 'POST', '/latency', { ms: -1 })).status).toBe(400)
    expect((await call(gateway, 'POST', '/fail-next-login', { code: 0 })).status).toBe(400)
    expect((await call(gateway, 'POST', '/expire', 'not json')).status).toBe(400)
    expect((await call(gateway, 'POST', '/expire', '[1]')).status).toBe(400)
    expect((await call(gateway, 'GET', '/nope')).status).toBe(404)
    expect((await call(gateway, 'GET', '/kick')).status).toBe(405)
    expect((await call(gateway, 'PUT', '/sessions')).status).toBe(405)
    expect((await fetch(gateway.url.replace('ws:', 'http:'))).status).toBe(404)
    expect((await fetch(`${gateway.url.replace('ws:', 'http:')}/binfo?sdkappid=1`)).status).toBe(426)
  })

  test('CORS: loopback origins are allowed (preflight included), other origins get 403', async ({ h }) => {
    const { gateway } = h
    const preflight = await call(gateway, 'OPTIONS', '/kick', undefined, {
      origin: 'http://localhost:5173',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type')

    for (const origin of ['http://127.0.0.1:3000', 'http://[::1]:8080', 'https://app.localhost']) {
      const res = await call(gateway, 'GET', '/sessions', undefined, { origin })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
    }
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null']) {
      expect((await call(gateway, 'GET', '/sessions', undefined, { origin })).status).toBe(403)
    }
  })
})
