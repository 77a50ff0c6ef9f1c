import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createUserSigHandler,
  type RateLimiter,
  toNodeListener,
  type UserSigHandlerOptions,
} from '@chat-session/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { decodeUserSig, type FetchUserSig, SessionError, userSigFromEndpoint } from '../src/index'
import { harness, loginNow, settle } from './_harness'
import { SDK_APP_ID, SECRET_KEY } from './_sig'
import { trackedTarget } from './_trackedTarget'

const quiet = { warn() {}, error() {} }

function kitHandler(options: Partial<UserSigHandlerOptions> = {}) {
  return createUserSigHandler({
    sdkAppId: SDK_APP_ID,
    secretKey: SECRET_KEY,
    expiresIn: 600,
    // As the demo does: trust the body's userID (a real app asks its own session).
    authorize: (_request, { userID }) => userID,
    logger: quiet,
    ...options,
  })
}

type Route = (request: Request) => Response | Promise<Response>

/**
 * The app's origin: the kit's real `createUserSigHandler` at POST /api/usersig (or `route` there instead), 404
 * for any other path, reached through a `fetch` stub as a page's relative URL would be.
 */
function app(options: { handler?: Partial<UserSigHandlerOptions>; route?: (kit: Route) => Route } = {}) {
  const kit = kitHandler(options.handler)
  const route = options.route?.(kit) ?? kit
  const requests: Request[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init?: RequestInit) => {
      const request = new Request(new URL(input, 'http://app.test'), init)
      requests.push(request.clone())
      if (new URL(request.url).pathname !== '/api/usersig') return new Response('Not Found', { status: 404 })
      return route(request)
    }),
  )
  return { requests }
}

/** A login through `userSigFromEndpoint`, and what it ended with once fake time has passed. */
function signIn(url = '/api/usersig') {
  const h = harness({ fetchUserSig: userSigFromEndpoint(url) })
  const outcome = h.session.login('alice').then(
    () => 'signed in',
    (error: unknown) => error,
  )
  return { h, outcome }
}

/** A limiter that makes the first request wait `ms`, then lets every one through. */
const waitFirst = (ms: number): RateLimiter => {
  let calls = 0
  return { take: () => (calls++ === 0 ? ms : 0) }
}

describe('userSigFromEndpoint, the client half of createUserSigHandler', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('signs in with one JSON POST of { userID }, credentials same-origin, never cached', async () => {
    const { requests } = app()
    const h = harness({ fetchUserSig: userSigFromEndpoint('/api/usersig') })
    await loginNow(h, 'alice')
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', userID: 'alice', error: null })
    expect(requests).toHaveLength(1)
    const [request] = requests
    expect(request).toMatchObject({ method: 'POST', credentials: 'same-origin', cache: 'no-store' })
    expect(request?.headers.get('content-type')).toBe('application/json')
    expect(await request?.json()).toEqual({ userID: 'alice' })
  })

  it.each([
    ['401 (nobody signed in to the app)', () => null, 'Sign in to the app first.'],
    [
      '403 (authorize refuses)',
      () => ({ error: 'forbidden' as const, message: 'account disabled' }),
      'account disabled',
    ],
  ])(
    '%s is forbidden with the server message, terminal after one request',
    async (_name, authorize, said) => {
      const { requests } = app({ handler: { authorize } })
      const { h, outcome } = signIn()
      await settle(60_000)
      const error = await outcome
      expect(error).toMatchObject({ kind: 'forbidden', message: expect.stringContaining(said) })
      expect(requests).toHaveLength(1)
      expect(h.snapshot()).toMatchObject({ status: 'logged-out', error: { kind: 'forbidden' } })
    },
  )

  it('a 429 from the rate limiter: the next request waits for Retry-After, then signs in', async () => {
    const { requests } = app({ handler: { rateLimit: waitFirst(20_000) } })
    const { h, outcome } = signIn()
    await settle(15_000) // the plain backoff (under 1 s) is long over, Retry-After (20 s) is not
    expect(requests).toHaveLength(1)
    expect(h.snapshot()).toMatchObject({
      status: 'logging-in',
      error: { kind: 'fetcher-failed', code: 429, message: expect.stringContaining('answered 429') },
    })
    await settle(10_000)
    expect(await outcome).toBe('signed in')
    expect(requests).toHaveLength(2)
  })

  it('a Retry-After given as an HTTP date is honoured the same way', async () => {
    let calls = 0
    const { requests } = app({
      route: (kit) => (request) =>
        calls++ === 0
          ? new Response(null, {
              status: 503,
              headers: { 'Retry-After': new Date(Date.now() + 20_000).toUTCString() },
            })
          : kit(request),
    })
    const { outcome } = signIn()
    await settle(15_000)
    expect(requests).toHaveLength(1)
    await settle(10_000)
    expect(await outcome).toBe('signed in')
    expect(requests).toHaveLength(2)
  })

  it('a Retry-After of a day is capped: the login tries again within 5 minutes', async () => {
    const { requests } = app({ handler: { rateLimit: waitFirst(86_400_000) } })
    const { outcome } = signIn()
    await settle(60_000)
    expect(requests).toHaveLength(1)
    await settle(242_000)
    expect(await outcome).toBe('signed in')
    expect(requests).toHaveLength(2)
  })

  it('the browser coming back online does not cut a Retry-After wait short (a rate limit is not the network)', async () => {
    const { target: browser } = trackedTarget({})
    vi.stubGlobal('window', browser)
    const { requests } = app({ handler: { rateLimit: waitFirst(20_000) } })
    const { outcome } = signIn()
    await settle(100)
    browser.dispatchEvent(new Event('online'))
    await settle(10_000)
    expect(requests).toHaveLength(1)
    await settle(11_000)
    expect(await outcome).toBe('signed in')
  })

  it('a 500 and a failed fetch (no answer) are transient: retried with backoff, then signed in', async () => {
    let n = 0
    const { requests } = app({
      handler: {
        authorize: (_request, { userID }) => {
          if (n === 1) throw new Error('session store down')
          return userID
        },
      },
      route: (kit) => (request) => {
        if (++n === 2) throw new TypeError('Failed to fetch')
        return kit(request)
      },
    })
    const failures: SessionError[] = []
    const { h, outcome } = signIn()
    h.session.on('login-failed', ({ error }) => failures.push(error))
    await settle(10_000)
    expect(await outcome).toBe('signed in')
    expect(requests).toHaveLength(3)
    expect(failures.map((e) => [e.kind, e.code])).toEqual([
      ['fetcher-failed', 500],
      ['fetcher-failed', undefined],
    ])
    expect(failures.map((e) => e.message)).toEqual([
      expect.stringContaining('usersig endpoint answered 500: The UserSig could not be issued.'),
      expect.stringContaining('Failed to fetch'),
    ])
  })

  it.each([
    ['413 (the real handler, a body over its limit)', {}, { handler: { maxBodyBytes: 2 } }, 413],
    ['404 (a wrong URL)', { url: '/api/user-sig' }, {}, 404],
    [
      '405 (a route without POST, as frameworks answer)',
      {},
      { route: () => () => new Response(null, { status: 405, headers: { Allow: 'GET' } }) },
      405,
    ],
    [
      '200 that is not JSON (an SPA fallback page)',
      {},
      { route: () => () => new Response('<!doctype html><title>App</title>', { status: 200 }) },
      200,
    ],
  ])(
    'a %s is fetcher-failed naming the status, terminal after one request, no SDK login',
    async (_name, { url }: { url?: string }, world: Parameters<typeof app>[0], status) => {
      const { requests } = app(world)
      const { h, outcome } = signIn(url)
      await settle(60_000)
      const error = (await outcome) as SessionError
      expect(error).toBeInstanceOf(SessionError)
      expect(error).toMatchObject({ kind: 'fetcher-failed', code: status, retryable: false })
      expect(error.message).toContain(`usersig endpoint answered ${status}`)
      expect(requests).toHaveLength(1)
      expect(h.sdkLogins).toEqual([])
      expect(h.snapshot()).toMatchObject({
        status: 'logged-out',
        error: { kind: 'fetcher-failed', code: status },
      })
    },
  )

  it('a 400 from the real handler (a UserID it refuses) is terminal, with its reason', async () => {
    app()
    const fetchUserSig = userSigFromEndpoint('/api/usersig')
    const answer = fetchUserSig('a b', { signal: new AbortController().signal, reason: 'login' })
    await expect(answer).rejects.toMatchObject({
      kind: 'fetcher-failed',
      code: 400,
      retryable: false,
      message: expect.stringContaining('answered 400: userID may contain only'),
    })
  })

  it("the issue's README fetcher (a GET, res.json() unchecked) now ends naming the answer's shape, not sig-invalid", async () => {
    app()
    const oldReadme: FetchUserSig = (userID) => fetch(`/api/usersig?user=${userID}`).then((r) => r.json())
    const h = harness({ fetchUserSig: oldReadme })
    const outcome = h.session.login('alice').catch((error: unknown) => error)
    await settle(60_000)
    const error = (await outcome) as SessionError
    expect(error).toMatchObject({ kind: 'fetcher-failed', retryable: false })
    expect(error.message).toContain('fetchUserSig answered { error, message }, no userSig')
    expect(error.message).not.toContain('[object Object]')
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
  })
})

describe('userSigFromEndpoint over loopback, with the real fetch', () => {
  const servers: Array<{ close(): void; closeAllConnections(): void }> = []
  afterEach(() => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections()
      server.close()
    }
  })

  async function listen(options: Partial<UserSigHandlerOptions> = {}): Promise<string> {
    const server = createServer(toNodeListener(kitHandler(options)))
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/usersig`
  }

  const context = (signal = new AbortController().signal) => ({ signal, reason: 'login' as const })

  it('answers the sig and its expiry; init adds headers the app needs (e.g. its own Authorization)', async () => {
    const url = await listen({
      authorize: (request, { userID }) =>
        request.headers.get('authorization') === 'Bearer app-session' ? userID : null,
    })
    const answer = await userSigFromEndpoint(url, { headers: { authorization: 'Bearer app-session' } })(
      'alice',
      context(),
    )
    const { userSig, expiresAt } = answer as { userSig: string; expiresAt: number }
    expect(await decodeUserSig(userSig)).toMatchObject({
      identifier: 'alice',
      sdkAppId: SDK_APP_ID,
      expiresAt,
    })
    expect(await userSigFromEndpoint(url)('alice', context())).toMatchObject({ error: 'forbidden' })
  })

  it.each([
    ['the engine signal', (engine: AbortController) => ({ abort: engine, init: {} })],
    [
      'init.signal',
      () => {
        const own = new AbortController()
        return { abort: own, init: { signal: own.signal } }
      },
    ],
  ])('aborting %s ends the request: the fetcher rejects and the server sees it go', async (_name, pick) => {
    let arrived!: () => void
    const reached = new Promise<void>((resolve) => {
      arrived = resolve
    })
    let serverSawAbort = false
    const url = await listen({
      authorize: (request) =>
        new Promise((resolve) => {
          arrived()
          request.signal.addEventListener('abort', () => {
            serverSawAbort = true
            resolve(null)
          })
        }),
    })
    const engine = new AbortController()
    const { abort, init } = pick(engine)
    const answer = userSigFromEndpoint(url, init)('alice', context(engine.signal))
    await reached
    abort.abort()
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' })
    await vi.waitFor(() => expect(serverSawAbort).toBe(true))
  })
})
