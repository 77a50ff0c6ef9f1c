import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createSession,
  type FetchUserSig,
  fromTencentChat,
  type Session,
  userSigFromEndpoint,
} from '@chat-session/core'
import { verifyUserSig } from '@chat-session/testing'
import {
  createNodeChat,
  type LocalGateway,
  REST_KICK_PATH,
  signUserSig,
  startLocalGateway,
} from '@chat-session/testing/gateway'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ChatRestApiError, createChatAdmin } from '../src'
import { APP_ID, SECRET_KEY, startTestServer, type TestServer } from './_http'

const cleanups: Array<() => Promise<unknown> | unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  vi.useRealTimers()
})

/** Every line and message a caller could see, checked for the key and for sigs. */
const visible: string[] = []
const logger = { warn: (line: string) => visible.push(line) }

describe('createChatAdmin().kick against the local gateway (real SDK sessions)', () => {
  async function world() {
    const gateway = await startLocalGateway({ sdkAppId: APP_ID, secretKey: SECRET_KEY, helloInterval: 1 })
    cleanups.push(() => gateway.close())
    const endpoint = await startTestServer()
    cleanups.push(() => endpoint.close())
    return { gateway, endpoint }
  }

  function kitSession(gateway: LocalGateway, endpoint: TestServer) {
    const sdk = createNodeChat(gateway.url, APP_ID)
    const sigs: string[] = []
    const fromEndpoint = userSigFromEndpoint(endpoint.url)
    const fetchUserSig: FetchUserSig = async (userID, context) => {
      const answer = await fromEndpoint(userID, context)
      sigs.push(typeof answer === 'string' ? answer : 'userSig' in answer ? answer.userSig : '')
      return answer
    }
    const session: Session = createSession({
      chat: fromTencentChat(sdk),
      fetchUserSig,
      sdkAppId: APP_ID,
      tabChannel: false,
    })
    cleanups.push(async () => {
      session.dispose()
      await sdk.destroy().catch(() => undefined)
    })
    return { sdk, session, sigs }
  }

  it('signs the user out everywhere with the REST-API kick, other users stay, the old sig is refused, a new one works', async () => {
    const { gateway, endpoint } = await world()
    const alice = kitSession(gateway, endpoint)
    const bob = kitSession(gateway, endpoint)
    await alice.session.login('alice')
    await bob.session.login('bob')
    expect(gateway.sessions()).toEqual({ alice: 1, bob: 1 })

    const seenAtGateway: string[] = []
    const admin = createChatAdmin({
      sdkAppId: APP_ID,
      secretKey: SECRET_KEY,
      baseUrl: `http://127.0.0.1:${gateway.port}`,
      logger,
      fetch: (input, init) => {
        seenAtGateway.push(new URL(String(input)).searchParams.get('usersig') ?? '')
        return fetch(input, init)
      },
    })
    await admin.kick('alice')

    await vi.waitFor(() => expect(alice.session.getSnapshot().status).toBe('logged-out'), { timeout: 5000 })
    expect(alice.session.getSnapshot().kicked).toMatchObject({ reason: 'rest-api', userID: 'alice' })
    expect(gateway.sessions()).toEqual({ bob: 1 })
    expect(bob.session.getSnapshot()).toMatchObject({ status: 'logged-in', userID: 'bob' })
    // The admin sig was the package's own, for the administrator, and valid.
    expect(seenAtGateway).toHaveLength(1)
    const verdict = await verifyUserSig(seenAtGateway[0] as string, {
      sdkAppId: APP_ID,
      secretKey: SECRET_KEY,
      userID: 'administrator',
    })
    expect(verdict.ok).toBe(true)

    // The sig alice's session held is dead: a login with it (another device that kept a copy) is refused.
    const oldSig = alice.sigs.at(-1) as string
    const other = createNodeChat(gateway.url, APP_ID)
    cleanups.push(() => other.destroy().catch(() => undefined))
    await expect(other.login({ userID: 'alice', userSig: oldSig })).rejects.toMatchObject({ code: 70001 })
    // A sig signed after the kick works (the app's endpoint decides who still gets one).
    await other.login({ userID: 'alice', userSig: await gateway.issueUserSig('alice') })
    expect(gateway.sessions()).toEqual({ alice: 1, bob: 1 })
  })

  it('the gateway checks the administrator sig for real: signed with another key → a typed rejection', async () => {
    const { gateway } = await world()
    const admin = createChatAdmin({
      sdkAppId: APP_ID,
      secretKey: 'another-apps-secret-key',
      baseUrl: `http://127.0.0.1:${gateway.port}`,
      logger,
    })
    const error = await admin.kick('alice').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ChatRestApiError)
    expect(error).toMatchObject({
      kind: 'rejected',
      errorCode: 70003,
      attempts: 1,
      command: 'v4/im_open_login_svc/kick',
    })
    visible.push(String(error), JSON.stringify(error))
  })
})

describe("the gateway's REST API emulation answers like the REST API", () => {
  it.each([
    ['another SDKAppID', { sdkappid: '1400000099' }, '{"UserID":"alice"}', 70020],
    [
      'an identifier that is not an administrator',
      { identifier: 'alice', signFor: 'alice' },
      '{"UserID":"alice"}',
      60010,
    ],
    ['an expired administrator sig', { expire: -10 }, '{"UserID":"alice"}', 70001],
    ['a sig for another identifier', { signFor: 'admin' }, '{"UserID":"alice"}', 70013],
    ['a body that is not JSON', {}, 'UserID=alice', 60003],
    ['no UserID', {}, '{}', 60003],
    ['no random', { random: null }, '{"UserID":"alice"}', 60002],
  ] as const)('%s → ActionStatus FAIL, the ErrorCode, nobody kicked', async (_, query, body, code) => {
    const gateway = await startLocalGateway({ sdkAppId: APP_ID, secretKey: SECRET_KEY })
    cleanups.push(() => gateway.close())
    const kicks = vi.spyOn(gateway, 'kick')
    const q = query as {
      sdkappid?: string
      identifier?: string
      signFor?: string
      expire?: number
      random?: null
    }
    const usersig = await signUserSig({
      sdkAppId: APP_ID,
      secretKey: SECRET_KEY,
      userID: q.signFor ?? 'administrator',
      expireSeconds: q.expire ?? 600,
    })
    const params = new URLSearchParams({
      sdkappid: q.sdkappid ?? String(APP_ID),
      identifier: q.identifier ?? 'administrator',
      usersig,
      contenttype: 'json',
      ...(q.random === null ? {} : { random: '12345' }),
    })
    const res = await fetch(`http://127.0.0.1:${gateway.port}${REST_KICK_PATH}?${params}`, {
      method: 'POST',
      body,
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code })
    expect(kicks).not.toHaveBeenCalled()
  })

  it('only POST', async () => {
    const gateway = await startLocalGateway({ sdkAppId: APP_ID, secretKey: SECRET_KEY })
    cleanups.push(() => gateway.close())
    const res = await fetch(`http://127.0.0.1:${gateway.port}${REST_KICK_PATH}`)
    expect(res.status).toBe(405)
  })
})

describe('createChatAdmin retries, renewal and errors (a loopback REST stand-in)', () => {
  /** Answers each request with the next entry of `script` (the last one repeats). */
  async function restStub(script: Array<{ status?: number; body?: unknown; hang?: boolean }>) {
    const requests: Array<{ url: URL; body: string }> = []
    const server = createServer(async (req: IncomingMessage, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      requests.push({ url: new URL(req.url ?? '/', 'http://x'), body })
      const step = script[Math.min(requests.length - 1, script.length - 1)] ?? {}
      if (step.hang) return
      res.writeHead(step.status ?? 200, { 'content-type': 'application/json' })
      res.end(typeof step.body === 'string' ? step.body : JSON.stringify(step.body ?? OK))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    )
    const admin = (extra: Parameters<typeof createChatAdmin>[0] extends infer O ? Partial<O> : never = {}) =>
      createChatAdmin({
        sdkAppId: APP_ID,
        secretKey: SECRET_KEY,
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        backoffMs: 5,
        logger,
        ...extra,
      })
    return { requests, admin }
  }
  const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }
  const FAIL = (code: number, info = 'failed') => ({ ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: info })

  it("sends Tencent's request: POST, the query, the JSON body", async () => {
    const { requests, admin } = await restStub([{ body: OK }])
    await admin({ adminUserID: 'admin' }).kick('alice')
    const [request] = requests
    expect(request?.url.pathname).toBe(REST_KICK_PATH)
    const q = request?.url.searchParams
    expect(q?.get('sdkappid')).toBe(String(APP_ID))
    expect(q?.get('identifier')).toBe('admin')
    expect(q?.get('contenttype')).toBe('json')
    expect(q?.get('random')).toMatch(/^\d+$/)
    expect(JSON.parse(request?.body ?? '')).toEqual({ UserID: 'alice' })
  })

  it('retries transient failures (5xx, 429, busy codes) with backoff, within the bound', async () => {
    const flaky = await restStub([{ status: 503 }, { status: 429 }, { body: OK }])
    await flaky.admin().kick('alice')
    expect(flaky.requests).toHaveLength(3)

    const busy = await restStub([{ body: FAIL(60008, 'timeout') }, { body: OK }])
    await busy.admin().kick('alice')
    expect(busy.requests).toHaveLength(2)

    const down = await restStub([{ status: 502 }])
    const error = await down
      .admin({ attempts: 4 })
      .kick('alice')
      .catch((e: unknown) => e)
    expect(down.requests).toHaveLength(4)
    expect(error).toMatchObject({ kind: 'unavailable', status: 502, attempts: 4 })
    expect((error as Error).message).toBe('v4/im_open_login_svc/kick: HTTP 502 after 4 attempts')
    visible.push(String(error))
  })

  it('does not retry a rejection; a timeout or an unreachable host is unavailable', async () => {
    const rejected = await restStub([{ body: FAIL(70107, 'UserID does not exist') }])
    await expect(rejected.admin().kick('alice')).rejects.toMatchObject({
      kind: 'rejected',
      errorCode: 70107,
      attempts: 1,
    })
    expect(rejected.requests).toHaveLength(1)

    const hung = await restStub([{ hang: true }])
    const timedOut = await hung
      .admin({ timeoutMs: 100, attempts: 2 })
      .kick('alice')
      .catch((e: unknown) => e)
    expect(timedOut).toMatchObject({
      kind: 'unavailable',
      message: 'v4/im_open_login_svc/kick: no answer in 100 ms after 2 attempts',
    })
    expect(hung.requests).toHaveLength(2)

    const nowhere = createChatAdmin({
      sdkAppId: APP_ID,
      secretKey: SECRET_KEY,
      baseUrl: 'http://127.0.0.1:1',
      backoffMs: 1,
      logger,
    })
    const unreachable = await nowhere.kick('alice').catch((e: unknown) => e)
    expect(unreachable).toMatchObject({ kind: 'unavailable', attempts: 3 })
    visible.push(String(unreachable), String((unreachable as Error).cause ?? ''))

    const moved = await restStub([{ status: 302, body: OK }])
    await expect(moved.admin().kick('alice')).rejects.toMatchObject({ kind: 'bad-answer', status: 302 })
    expect(moved.requests).toHaveLength(1)

    const html = await restStub([{ body: '<html>proxy error</html>' }])
    await expect(html.admin().kick('alice')).rejects.toMatchObject({ kind: 'bad-answer' })
  })

  it('renews the administrator sig before it expires, and once more when Tencent says it expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-01T00:00:00Z'))
    const { requests, admin: make } = await restStub([{ body: OK }])
    const admin = make({ adminSigLifetime: 600 })
    await admin.kick('alice')
    vi.setSystemTime(new Date('2026-12-01T00:05:00Z'))
    await admin.kick('alice')
    vi.setSystemTime(new Date('2026-12-01T00:09:10Z')) // past 90% of 600 s
    await admin.kick('alice')
    const sigs = requests.map((r) => r.url.searchParams.get('usersig'))
    expect(sigs[1]).toBe(sigs[0])
    expect(sigs[2]).not.toBe(sigs[0])

    // Tencent's clock says the held sig expired (skew): signed anew at once, not after its 90%.
    const stale = await restStub([{ body: OK }, { body: FAIL(70001, 'usersig expired') }, { body: OK }])
    const skewed = stale.admin({ adminSigLifetime: 600 })
    await skewed.kick('alice')
    vi.setSystemTime(new Date('2026-12-01T00:10:00Z'))
    await skewed.kick('alice')
    const [first, second, third] = stale.requests.map((r) => r.url.searchParams.get('usersig'))
    expect(second).toBe(first)
    expect(third).not.toBe(second)
  })

  it('rejects bad input with typed errors naming the option', () => {
    expect(() => createChatAdmin({ sdkAppId: 0, secretKey: SECRET_KEY })).toThrow(RangeError)
    expect(() => createChatAdmin({ sdkAppId: APP_ID, secretKey: ' ' })).toThrow(/secretKey/)
    expect(() => createChatAdmin({ sdkAppId: APP_ID, secretKey: SECRET_KEY, baseUrl: 'ftp://x' })).toThrow(
      /baseUrl/,
    )
    expect(() => createChatAdmin({ sdkAppId: APP_ID, secretKey: SECRET_KEY, attempts: 0 })).toThrow(
      /attempts/,
    )
    const admin = createChatAdmin({ sdkAppId: APP_ID, secretKey: SECRET_KEY })
    return expect(admin.kick('not valid!')).rejects.toThrow(
      new TypeError('kick: userID must be a valid UserID (characters)'),
    )
  })

  it('never shows the secret key or a sig in a log line or an error', () => {
    expect(visible.length).toBeGreaterThan(3)
    const all = visible.join('\n')
    expect(all).not.toContain(SECRET_KEY)
    expect(all).not.toMatch(/usersig=|eJ[A-Za-z0-9*_-]{40,}/)
  })
})
