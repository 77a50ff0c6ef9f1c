import { decodeUserSig } from '@chat-session/core'
import { verifyUserSig } from '@chat-session/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createUserSigHandler, type UserSigHandlerOptions } from '../src'
import { APP_ID, json, type RecordedExchange, SECRET_KEY, startTestServer, type TestServer } from './_http'
import { referenceUserSig } from './_tlsSigApi'

/** Everything any test received or logged, checked for the secret at the end. */
const seen: RecordedExchange[] = []
const logged: string[] = []
const servers: TestServer[] = []
const consoleLines: string[] = []

beforeAll(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map(String).join(' '))
    })
  }
})

afterEach(async () => {
  for (const server of servers.splice(0)) {
    seen.push(...server.exchanges)
    logged.push(...server.logs)
    await server.close()
  }
})

afterAll(() => {
  vi.restoreAllMocks()
})

async function serve(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(overrides)
  servers.push(server)
  return server
}

function expectJsonError(exchange: RecordedExchange, status: number, error: string): void {
  expect(exchange.status).toBe(status)
  expect(exchange.headers.get('content-type')).toMatch(/^application\/json/)
  expect(exchange.headers.get('cache-control')).toBe('no-store')
  const body = json(exchange)
  expect(body.error).toBe(error)
  expect(typeof body.message).toBe('string')
  expect(body).not.toHaveProperty('userSig')
}

describe('issuing', () => {
  it('answers a real UserSig the Chat backend would accept, with its expiry, never cached', async () => {
    const server = await serve({ expiresIn: 3600 })
    const before = Date.now()
    const res = await server.post({ userID: 'alice' })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const { userSig, expiresAt } = json(res) as { userSig: string; expiresAt: number }
    expect(userSig).toMatch(/^eJ[A-Za-z0-9*_-]+$/)

    const decoded = await decodeUserSig(userSig)
    expect(decoded.identifier).toBe('alice')
    expect(decoded.sdkAppId).toBe(APP_ID)
    expect(decoded.expiresAt - decoded.issuedAt).toBe(3600 * 1000)
    expect(expiresAt).toBe(decoded.expiresAt)
    expect(decoded.issuedAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)

    await expect(
      verifyUserSig(userSig, { sdkAppId: APP_ID, secretKey: SECRET_KEY, userID: 'alice' }),
    ).resolves.toMatchObject({ ok: true, identifier: 'alice', expiresAt })
    // Signed with this key and no other: the same sig fails against another key, app or user.
    await expect(
      verifyUserSig(userSig, { sdkAppId: APP_ID, secretKey: 'another-key' }),
    ).resolves.toMatchObject({ ok: false, code: 70003 })
    await expect(
      verifyUserSig(userSig, { sdkAppId: APP_ID + 1, secretKey: SECRET_KEY }),
    ).resolves.toMatchObject({ ok: false, code: 70014 })
    await expect(
      verifyUserSig(userSig, { sdkAppId: APP_ID, secretKey: SECRET_KEY, userID: 'bob' }),
    ).resolves.toMatchObject({ ok: false, code: 70013 })
    await expect(
      verifyUserSig(userSig, { sdkAppId: APP_ID, secretKey: SECRET_KEY, now: expiresAt + 1000 }),
    ).resolves.toMatchObject({ ok: false, code: 70001 })
  })

  it('signs for the user the app session names when the body names nobody', async () => {
    const authorize = vi.fn((request: Request) =>
      request.headers.get('authorization') === 'Bearer app-session-of-carol' ? 'carol' : null,
    )
    const server = await serve({ authorize })
    const res = await server.post(
      {},
      { headers: { 'content-type': 'application/json', authorization: 'Bearer app-session-of-carol' } },
    )
    expect(res.status).toBe(200)
    expect((await decodeUserSig(json(res).userSig as string)).identifier).toBe('carol')
    expect(authorize).toHaveBeenCalledWith(expect.any(Request), { userID: null })

    const empty = await server.request({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer app-session-of-carol' },
    })
    expect(empty.status).toBe(200)
  })

  it('answers the very sig tls-sig-api-v2 would sign at the same moment', async () => {
    const server = await serve({ expiresIn: 86_400, rateLimit: false })
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      for (const [userID, now] of [
        ['alice', 1_790_000_000_123],
        ['Bob_42', 1_800_000_000_999],
        ['x'.repeat(32), 2_000_000_000_000],
      ] as const) {
        vi.setSystemTime(now)
        const res = json(await server.post({ userID }))
        expect(res.userSig).toBe(referenceUserSig(APP_ID, SECRET_KEY, userID, 86_400))
        expect(res.expiresAt).toBe((Math.floor(now / 1000) + 86_400) * 1000)
      }
    } finally {
      vi.useRealTimers()
    }
  })

  it('gives each request a fresh sig', async () => {
    const server = await serve()
    const first = json(await server.post({ userID: 'dave' })).userSig
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const second = json(await server.post({ userID: 'dave' })).userSig
    expect(second).not.toBe(first)
  })
})

describe('refusing', () => {
  it('answers 401 when nobody is signed in to the app', async () => {
    const server = await serve({ authorize: () => null })
    expectJsonError(await server.post({ userID: 'alice' }), 401, 'unauthorized')
  })

  it('answers 401 or 403 as authorize says, with its message', async () => {
    const server = await serve({
      authorize: (_request, { userID }) =>
        userID === 'banned'
          ? { error: 'forbidden', message: 'Chat is disabled for this account.' }
          : { error: 'unauthorized' },
    })
    const forbidden = await server.post({ userID: 'banned' })
    expectJsonError(forbidden, 403, 'forbidden')
    expect(json(forbidden).message).toBe('Chat is disabled for this account.')
    expectJsonError(await server.post({ userID: 'someone' }), 401, 'unauthorized')
  })

  it('answers 403 when the body asks for another user than the signed-in one', async () => {
    const server = await serve({ authorize: () => 'alice' })
    expectJsonError(await server.post({ userID: 'mallory' }), 403, 'forbidden')
    expect((await server.post({ userID: 'alice' })).status).toBe(200)
  })

  it.each([
    ['empty', ''],
    ['a space', 'a b'],
    ['non-ASCII', 'ünïcode'],
    ['33 characters', 'x'.repeat(33)],
    ['a number', 42],
    ['null', null],
  ])(
    'answers 400 for a UserID that breaks the platform rules (%s), before authorize runs',
    async (_, userID) => {
      const authorize = vi.fn(() => 'alice')
      const server = await serve({ authorize })
      const res = await server.post({ userID })
      expectJsonError(res, 400, 'invalid-user-id')
      expect(authorize).not.toHaveBeenCalled()
    },
  )

  it('answers 500 without a sig when authorize hands back an invalid UserID', async () => {
    const server = await serve({ authorize: () => 'not valid!' })
    expectJsonError(await server.post({}), 500, 'internal')
  })

  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])(
    'answers 405 to %s, naming POST',
    async (method) => {
      const server = await serve()
      const res = await server.request({ method })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('POST')
      expect(res.headers.get('cache-control')).toBe('no-store')
      if (method !== 'HEAD') expect(json(res).error).toBe('method-not-allowed')
    },
  )

  it('answers 415 to anything but JSON, so cross-site forms cannot post without a preflight', async () => {
    const server = await serve()
    const form = await server.request({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'userID=alice',
    })
    expectJsonError(form, 415, 'unsupported-media-type')
    expectJsonError(
      await server.request({ method: 'POST', body: '{"userID":"alice"}' }),
      415,
      'unsupported-media-type',
    )
  })

  it('answers 400 to a body that is not a JSON object', async () => {
    const server = await serve()
    expectJsonError(await server.post('{"userID":'), 400, 'bad-request')
    expectJsonError(await server.post('["alice"]'), 400, 'bad-request')
    expectJsonError(await server.post('"alice"'), 400, 'bad-request')
  })

  it('answers 413 to a huge body, declared or streamed', async () => {
    const server = await serve()
    const huge = JSON.stringify({ userID: 'alice', padding: 'x'.repeat(1024 * 1024) })
    expectJsonError(await server.post(huge), 413, 'payload-too-large')

    // No Content-Length: the limit is enforced while reading.
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const streamed = await server.request({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expectJsonError(streamed, 413, 'payload-too-large')

    // Just under the default limit is fine.
    expect((await server.post({ userID: 'alice', note: 'y'.repeat(900) })).status).toBe(200)
  })

  it('limits each user to the configured number of sigs per window, with Retry-After', async () => {
    let now = 1_000_000
    const server = await serve({ rateLimit: { max: 3, windowMs: 60_000 }, now: () => now })
    for (let i = 0; i < 3; i++) expect((await server.post({ userID: 'erin' })).status).toBe(200)
    now += 15_000
    const limited = await server.post({ userID: 'erin' })
    expectJsonError(limited, 429, 'rate-limited')
    expect(limited.headers.get('retry-after')).toBe('45')
    // Per user: someone else is not held back.
    expect((await server.post({ userID: 'frank' })).status).toBe(200)
    now += 45_000
    expect((await server.post({ userID: 'erin' })).status).toBe(200)
    expect(server.logs).toContain('warn usersig: rate limit reached for erin')
  })

  it('has a default rate limit of 10 per minute, and none with rateLimit: false', async () => {
    const limited = await serve()
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await limited.post({ userID: 'gina' })).status)
    expect(statuses).toEqual([...Array<number>(10).fill(200), 429])

    const unlimited = await serve({ rateLimit: false })
    for (let i = 0; i < 15; i++) expect((await unlimited.post({ userID: 'gina' })).status).toBe(200)
  })

  it("takes the app's own limiter (e.g. shared by several instances), sync or async, keyed by the UserID", async () => {
    const counts = new Map<string, number>()
    const taken: Array<[string, number]> = []
    const server = await serve({
      now: () => 5_000,
      rateLimit: {
        async take(userID, now) {
          taken.push([userID, now])
          const count = (counts.get(userID) ?? 0) + 1
          counts.set(userID, count)
          return count <= 2 ? 0 : 2_500
        },
      },
    })
    expect((await server.post({ userID: 'hana' })).status).toBe(200)
    expect((await server.post({ userID: 'hana' })).status).toBe(200)
    const limited = await server.post({ userID: 'hana' })
    expectJsonError(limited, 429, 'rate-limited')
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(taken).toEqual([
      ['hana', 5_000],
      ['hana', 5_000],
      ['hana', 5_000],
    ])
    // Requests that fail authorization never reach the limiter.
    const anonymous = await serve({ authorize: () => null, rateLimit: { take: () => 0 } })
    expect((await anonymous.post({ userID: 'hana' })).status).toBe(401)
    expect(taken).toHaveLength(3)
  })

  it('answers 500 when the limiter throws or answers nonsense, instead of letting the request through', async () => {
    const down = await serve({
      rateLimit: {
        take: () => Promise.reject(new Error(`redis down (config was ${SECRET_KEY})`)),
      },
    })
    const res = await down.post({ userID: 'ivan' })
    expectJsonError(res, 500, 'internal')
    expect(down.logs.join('\n')).toMatch(/rate limiter failed: .*redis down/)
    expect(down.logs.join('\n')).not.toContain(SECRET_KEY)

    const nonsense = await serve({ rateLimit: { take: () => Number.NaN } })
    expectJsonError(await nonsense.post({ userID: 'ivan' }), 500, 'internal')
    expect(nonsense.logs.join('\n')).toMatch(/take\(\) answered NaN/)
  })

  it('answers 500 when authorize throws, and logs it without the secret', async () => {
    const server = await serve({
      authorize: () => {
        throw new Error(`session store down (config was ${SECRET_KEY})`)
      },
    })
    const res = await server.post({ userID: 'alice' })
    expectJsonError(res, 500, 'internal')
    expect(server.logs).toEqual([
      'error usersig: authorize threw: Error: session store down (config was [redacted])',
    ])
  })
})

/** Calls the handler itself, as a Web-standard host (Next.js, an edge runtime) does: no Node adapter in between. */
async function callDirectly(overrides: Partial<UserSigHandlerOptions>): Promise<{
  status: number
  headers: Headers
  body: Record<string, unknown>
  logs: string[]
}> {
  const logs: string[] = []
  const handler = createUserSigHandler({
    sdkAppId: APP_ID,
    secretKey: SECRET_KEY,
    expiresIn: 600,
    authorize: (_request, { userID }) => userID,
    logger: { warn: (line) => logs.push(`warn ${line}`), error: (line) => logs.push(`error ${line}`) },
    ...overrides,
  })
  const res = await handler(
    new Request('http://127.0.0.1/api/usersig', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userID: 'alice' }),
    }),
  )
  logged.push(...logs)
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, unknown>,
    logs,
  }
}

/** Values a callback can throw that have no usable string form. */
const unprintable = (): Array<[string, unknown]> => [
  ['Object.create(null)', Object.create(null)],
  [
    'an object whose toString throws',
    {
      toString() {
        throw new Error('no')
      },
    },
  ],
  [
    'an Error whose message getter throws',
    Object.defineProperty(new Error(), 'message', {
      get() {
        throw new Error('no')
      },
    }),
  ],
]

describe('failing safely', () => {
  it.each(unprintable())('answers 500 and logs when authorize throws %s', async (_, thrown) => {
    const res = await callDirectly({
      authorize: () => {
        throw thrown
      },
    })
    expect(res.status).toBe(500)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.body.error).toBe('internal')
    expect(res.logs).toHaveLength(1)
    expect(res.logs[0]).toMatch(/^error usersig: authorize threw: /)
  })

  it.each(unprintable())(
    'answers 500 and logs when the rate limiter throws or rejects with %s',
    async (_, thrown) => {
      for (const take of [
        () => {
          throw thrown
        },
        () => Promise.reject(thrown),
      ]) {
        const res = await callDirectly({ rateLimit: { take } })
        expect(res.status).toBe(500)
        expect(res.headers.get('cache-control')).toBe('no-store')
        expect(res.body.error).toBe('internal')
        expect(res.logs).toHaveLength(1)
        expect(res.logs[0]).toMatch(/^error usersig: rate limiter failed: /)
      }
    },
  )

  it('answers 500 when the limiter answers a value that cannot be printed', async () => {
    const res = await callDirectly({ rateLimit: { take: () => Object.create(null) as number } })
    expect(res.status).toBe(500)
    expect(res.logs).toEqual([
      'error usersig: rate limiter failed: TypeError: take() answered [object Object], not a number of milliseconds',
    ])
  })

  it('answers 500 when authorize answers an object that throws when read', async () => {
    const res = await callDirectly({
      authorize: () =>
        Object.defineProperty({} as { error: 'forbidden' }, 'error', {
          get() {
            throw new Error(`getter broke (config was ${SECRET_KEY})`)
          },
        }),
    })
    expect(res.status).toBe(500)
    expect(res.body.error).toBe('internal')
    expect(res.logs).toEqual(['error usersig: request failed: Error: getter broke (config was [redacted])'])
  })

  it('still answers when the logger itself throws', async () => {
    const res = await callDirectly({
      authorize: () => {
        throw Object.create(null)
      },
      logger: {
        warn: () => {
          throw new Error('log sink down')
        },
        error: () => {
          throw new Error('log sink down')
        },
      },
    })
    expect(res.status).toBe(500)
    expect(res.body.error).toBe('internal')
  })
})

describe('configuration', () => {
  it.each([
    [{ sdkAppId: 0 }, /sdkAppId/],
    [{ sdkAppId: 1.5 }, /sdkAppId/],
    [{ secretKey: '' }, /secretKey/],
    [{ expiresIn: 0 }, /expiresIn/],
    [{ expiresIn: 1.5 }, /expiresIn/],
    [{ rateLimit: { max: 0, windowMs: 1000 } }, /rateLimit\.max/],
    [{ maxBodyBytes: 0 }, /maxBodyBytes/],
  ])('refuses %o, without echoing the secret', (override, message) => {
    const make = () =>
      createUserSigHandler({
        sdkAppId: APP_ID,
        secretKey: SECRET_KEY,
        expiresIn: 60,
        authorize: () => null,
        ...override,
      })
    expect(make).toThrow(message)
    try {
      make()
    } catch (error) {
      expect(String(error)).not.toContain(SECRET_KEY)
    }
  })
})

describe('the secret key', () => {
  it('never appears in any answer, header or log line of this file', () => {
    expect(seen.length).toBeGreaterThan(40)
    for (const exchange of seen) {
      expect(exchange.text).not.toContain(SECRET_KEY)
      for (const [, value] of exchange.headers) expect(value).not.toContain(SECRET_KEY)
    }
    for (const line of [...logged, ...consoleLines]) expect(line).not.toContain(SECRET_KEY)
    // The one deliberate log line above proves the log was recorded, not empty.
    expect(logged.some((line) => line.includes('[redacted]'))).toBe(true)
  })

  it('is not reachable from the handler or its answers as a property', async () => {
    const handler = createUserSigHandler({
      sdkAppId: APP_ID,
      secretKey: SECRET_KEY,
      expiresIn: 60,
      authorize: () => 'alice',
    })
    expect(JSON.stringify(Object.entries(handler))).not.toContain(SECRET_KEY)
    const res = await handler(
      new Request('http://127.0.0.1/api/usersig', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    )
    expect(res.status).toBe(200)
    expect(await res.text()).not.toContain(SECRET_KEY)
  })
})
