import type { ExpectStatic } from 'vitest'
import type { ContractChat, ContractClient, ContractWorld } from './contractDriver'
import type { ContractScenario } from './contractScenario'
import { messagingScenarios } from './messagingScenarios'
import { sleep } from './sleep'
import { waitUntil } from './waitUntil'

// Upper bounds on loopback; the real SDK needs about 100 ms for a login and one heartbeat (1 s) for expiry.
const READY_MS = 3000
const EVENTS_MS = 4000
// After the expected events, this long with nothing more proves no extra event (a second READY, a kick…).
const QUIET_MS = 300
// The real SDK treats a socket that closes within 1 s of opening as a failed connect (`disconnected`, not
// `connecting`). Scenarios about an established connection let the socket age past that first.
const SOCKET_SETTLE_MS = 1100

async function login(client: ContractClient, userID: string, userSig: string): Promise<unknown> {
  const result = await client.chat.login({ userID, userSig })
  client.mark('login resolved')
  return result
}

async function readyClient(world: ContractWorld, userID: string): Promise<ContractClient> {
  const client = world.client()
  await login(client, userID, await world.sign(userID))
  await waitUntil(() => client.chat.isReady(), READY_MS, `${userID} ready`)
  return client
}

/** The code a guarded API rejects with right now (the SDK's not-ready reason). Also emits `error`. */
function guardCode(chat: ContractChat): Promise<unknown> {
  return chat.getConversationList().then(
    () => 'resolved',
    (error: unknown) => (error as { code?: unknown }).code,
  )
}

async function settle<T>(promise: Promise<T>): Promise<T | unknown> {
  return promise.then(
    (value) => value,
    (error: unknown) => error,
  )
}

async function reloginWorks(world: ContractWorld, client: ContractClient, expect: ExpectStatic) {
  const from = client.events.length
  await login(client, 'alice', await world.sign('alice'))
  await waitUntil(() => client.chat.isReady(), READY_MS, 'ready after re-login')
  expect(client.names(from)).toEqual(['login resolved', 'sdkStateReady'])
}

const notReady = { name: 'sdkStateNotReady', data: undefined, ready: false, user: '' }
const kicked = (type: string) => ({ name: 'kickedOut', data: { type }, ready: true, user: 'alice' })
const net = (state: string, ready: boolean, user: string) => ({
  name: `net:${state}`,
  data: { state },
  ready,
  user,
})

interface Rejection {
  readonly code: number
  readonly id: string
  readonly what: string
  readonly sig: (world: ContractWorld) => Promise<string>
  /** 70001 makes the SDK recycle its socket; nothing else emits anything. */
  readonly net: readonly string[]
}

const rejections: readonly Rejection[] = [
  {
    code: 70001,
    id: 'reject-expired',
    what: 'an expired sig',
    sig: (w) => w.sign('alice', { expireSeconds: -10 }),
    net: ['net:connecting', 'net:connected'],
  },
  {
    code: 70003,
    id: 'reject-forged',
    what: 'a forged sig',
    sig: (w) => w.sign('alice', { forged: true }),
    net: [],
  },
  { code: 70013, id: 'reject-other-user', what: "another user's sig", sig: (w) => w.sign('bob'), net: [] },
  {
    code: 70014,
    id: 'reject-other-app',
    what: "another app's sig",
    sig: (w) => w.sign('alice', { sdkAppId: w.sdkAppId + 1 }),
    net: [],
  },
]

const rejectionScenarios: ContractScenario[] = rejections.map((r) => ({
  id: r.id,
  title: `Login with ${r.what} (${r.code})`,
  checks: `rejects ${r.code} with \`data: {}\`; ${
    r.net.length ? 'only connecting → connected (socket recycled)' : 'no event'
  }; guard 3001; an immediate retry works`,
  async run(world, expect) {
    const client = world.client()
    const error = await settle(client.chat.login({ userID: 'alice', userSig: await r.sig(world) }))
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ code: r.code, data: {} })
    expect(typeof (error as Error).message).toBe('string')
    await waitUntil(() => client.events.length >= r.net.length, EVENTS_MS, 'socket recycled')
    await sleep(QUIET_MS)
    expect(client.names()).toEqual(r.net)
    expect(client.chat.isReady()).toBe(false)
    expect(client.chat.getLoginUser()).toBe('')
    expect(await guardCode(client.chat)).toBe(3001)
    // The 15 s repeat-login guard is reset by a rejection.
    await reloginWorks(world, client, expect)
  },
}))

type KickCase = readonly [
  id: string,
  kick: 'multi-device' | 'rest-api',
  type: string,
  guard: number,
  title: string,
]

const kickCases: readonly KickCase[] = [
  ['kick-multi-device', 'multi-device', 'multipleDevice', 3002, 'Kicked by another device'],
  ['kick-rest-api', 'rest-api', 'REST_API_Kick', 3006, 'Kicked by the REST API'],
]

const kickScenarios: ContractScenario[] = kickCases.map(([id, kick, type, guard, title]) => {
  const recycles = kick === 'rest-api'
  return {
    id,
    title: `${title} (${type})`,
    checks: `KICKED_OUT {type: '${type}'} while still ready as the user, SDK_NOT_READY${
      recycles ? ', connecting → connected' : ''
    }; guard ${guard}; re-login works`,
    async run(world, expect) {
      const client = await readyClient(world, 'alice')
      const from = client.events.length
      await world.kick('alice', kick)
      const expected = [
        kicked(type),
        notReady,
        ...(recycles ? [net('connecting', false, ''), net('connected', false, '')] : []),
      ]
      await waitUntil(() => client.events.length - from >= expected.length, EVENTS_MS, 'kick events')
      await sleep(QUIET_MS)
      expect(client.events.slice(from)).toEqual(expected)
      expect(await guardCode(client.chat)).toBe(guard)
      await reloginWorks(world, client, expect)
    },
  }
})

/**
 * The contract: every behaviour the fake shares with the real SDK, in the order of the README table.
 * Each asserts the events, their order and payloads, the SDK state inside the handlers, and the codes.
 */
export const contractScenarios: readonly ContractScenario[] = [
  {
    id: 'login-ready-gap',
    title: 'Login, then the ready gap',
    checks:
      'login resolves `{code: 0, data}` first; in the gap isReady() is false, getLoginUser() is the user, ' +
      'guarded calls reject 3000 (+ `error`); then SDK_READY',
    async run(world, expect) {
      const client = world.client()
      const userSig = await world.sign('alice')
      let gap: { ready: boolean; user: string; guard: Promise<unknown> } | undefined
      const result = await client.chat.login({ userID: 'alice', userSig }).then((value) => {
        // Runs before SDK_READY: the SDK schedules it with setTimeout(…, 1) after resolving.
        client.mark('login resolved')
        gap = {
          ready: client.chat.isReady(),
          user: client.chat.getLoginUser(),
          guard: guardCode(client.chat),
        }
        return value
      })
      expect(gap).toMatchObject({ ready: false, user: 'alice' })
      expect(await gap?.guard).toBe(3000)
      expect(result).toMatchObject({
        code: 0,
        data: {
          errorCode: 0,
          errorInfo: '',
          a2Key: expect.any(String),
          tinyID: expect.any(String),
          instanceID: expect.any(Number),
          helloInterval: expect.any(Number),
          timeStamp: expect.any(Number),
        },
      })
      expect((result as { data: { repeatLogin?: unknown } }).data.repeatLogin).toBeUndefined()
      await waitUntil(() => client.chat.isReady(), READY_MS, 'SDK_READY')
      await sleep(QUIET_MS)
      expect(client.names()).toEqual(['login resolved', 'error', 'sdkStateReady'])
      expect(client.events[1]?.data).toMatchObject({ code: 3000, message: expect.any(String) })
      expect(client.events[2]).toEqual({ name: 'sdkStateReady', data: undefined, ready: true, user: 'alice' })
    },
  },
  {
    id: 'repeat-login',
    title: 'Login while logged in',
    checks:
      'resolves `repeatLogin: true` at once, for the same or another userID; stays the first user; no event',
    async run(world, expect) {
      const client = await readyClient(world, 'alice')
      const from = client.events.length
      const repeat = {
        code: 0,
        data: { actionStatus: 'OK', errorCode: 0, errorInfo: expect.any(String), repeatLogin: true },
      }
      expect(await client.chat.login({ userID: 'alice', userSig: await world.sign('alice') })).toEqual(repeat)
      expect(await client.chat.login({ userID: 'bob', userSig: await world.sign('bob') })).toEqual(repeat)
      expect(client.chat.getLoginUser()).toBe('alice')
      expect(client.chat.isReady()).toBe(true)
      await sleep(QUIET_MS)
      expect(client.names(from)).toEqual([])
    },
  },
  {
    id: 'login-while-logging-in',
    title: 'Login while a login is pending',
    checks:
      'a second login (any user) rejects 2025, logout rejects 2024, getLoginUser() is empty; one SDK_READY',
    async run(world, expect) {
      const client = world.client()
      const [aliceSig, bobSig] = await Promise.all([world.sign('alice'), world.sign('bob')])
      const first = login(client, 'alice', aliceSig)
      // Everything below is called synchronously, while the first login is surely still pending.
      const userWhilePending = client.chat.getLoginUser()
      const same = settle(client.chat.login({ userID: 'alice', userSig: aliceSig }))
      const other = settle(client.chat.login({ userID: 'bob', userSig: bobSig }))
      const logout = settle(client.chat.logout())
      expect(userWhilePending).toBe('')
      expect(await same).toMatchObject({ code: 2025 })
      expect(await other).toMatchObject({ code: 2025 })
      expect(await logout).toMatchObject({ code: 2024 })
      await first
      await waitUntil(() => client.chat.isReady(), READY_MS, 'SDK_READY')
      await sleep(QUIET_MS)
      expect(client.names()).toEqual(['login resolved', 'sdkStateReady'])
      expect(client.chat.getLoginUser()).toBe('alice')
    },
  },
  {
    id: 'switch-user',
    title: 'Switch user',
    checks:
      'logout: SDK_NOT_READY, then it resolves; login as the other user: resolves, then SDK_READY as them',
    async run(world, expect) {
      const client = await readyClient(world, 'alice')
      const from = client.events.length
      await client.chat.logout()
      client.mark('logout resolved')
      await login(client, 'bob', await world.sign('bob'))
      await waitUntil(() => client.chat.isReady(), READY_MS, 'bob ready')
      expect(client.names(from)).toEqual([
        'sdkStateNotReady',
        'logout resolved',
        'login resolved',
        'sdkStateReady',
      ])
      expect(client.events.at(-1)).toEqual({
        name: 'sdkStateReady',
        data: undefined,
        ready: true,
        user: 'bob',
      })
    },
  },
  ...rejectionScenarios,
  {
    id: 'reject-server-code',
    title: 'Login refused with another server code (60020)',
    checks: 'rejects with that code; no event; an immediate retry works',
    async run(world, expect) {
      const client = world.client()
      await world.failNextLogin(60020)
      const error = await settle(client.chat.login({ userID: 'alice', userSig: await world.sign('alice') }))
      expect(error).toMatchObject({ code: 60020, data: {} })
      await sleep(QUIET_MS)
      expect(client.names()).toEqual([])
      await reloginWorks(world, client, expect)
    },
  },
  {
    id: 'kick-multi-account',
    title: 'Kicked by a second client of the same user (multipleAccount)',
    checks:
      'the older client: KICKED_OUT {type: multipleAccount} while still ready as the user, then SDK_NOT_READY, ' +
      'guard 3003; the newer one: only its login and SDK_READY',
    async run(world, expect) {
      const older = await readyClient(world, 'alice')
      const from = older.events.length
      const newer = await readyClient(world, 'alice')
      await waitUntil(() => older.events.length - from >= 2, EVENTS_MS, 'older client kicked')
      await sleep(QUIET_MS)
      expect(older.events.slice(from)).toEqual([kicked('multipleAccount'), notReady])
      expect(newer.names()).toEqual(['login resolved', 'sdkStateReady'])
      expect(newer.chat.isReady()).toBe(true)
      expect(await guardCode(older.chat)).toBe(3003)
    },
  },
  ...kickScenarios,
  {
    id: 'expiry-online',
    title: 'UserSig expires while online (server side)',
    checks:
      'on the next heartbeat: KICKED_OUT {type: userSigExpired} while still ready, SDK_NOT_READY, ' +
      'connecting → connected; guard 3004; re-login works',
    async run(world, expect) {
      const client = await readyClient(world, 'alice')
      const from = client.events.length
      await world.expire('alice')
      const expected = [
        kicked('userSigExpired'),
        notReady,
        net('connecting', false, ''),
        net('connected', false, ''),
      ]
      await waitUntil(() => client.events.length - from >= expected.length, EVENTS_MS, 'expiry events')
      await sleep(QUIET_MS)
      expect(client.events.slice(from)).toEqual(expected)
      expect(await guardCode(client.chat)).toBe(3004)
      await reloginWorks(world, client, expect)
    },
  },
  {
    id: 'expiry-natural',
    title: 'UserSig runs out while online',
    checks:
      'a 2 s sig: KICKED_OUT {type: userSigExpired}, then SDK_NOT_READY, within a heartbeat of the expiry',
    async run(world, expect) {
      const client = world.client()
      // 2 s, not 1: TLS.time is floored to the second, so a 1 s sig can expire before the login completes.
      await login(client, 'alice', await world.sign('alice', { expireSeconds: 2 }))
      await waitUntil(() => client.chat.isReady(), READY_MS, 'ready')
      const from = client.events.length
      await waitUntil(
        () => client.names(from).includes('sdkStateNotReady'),
        2000 + EVENTS_MS,
        'natural expiry',
      )
      expect(client.events.slice(from, from + 2)).toEqual([kicked('userSigExpired'), notReady])
    },
  },
  {
    id: 'server-drop',
    title: 'Server closes an established socket',
    checks:
      'connecting → connected, both while ready as the user; no READY/NOT_READY; ' +
      'the silently re-logged-in session still gets kicks',
    async run(world, expect) {
      const client = await readyClient(world, 'alice')
      await sleep(SOCKET_SETTLE_MS)
      const from = client.events.length
      await world.drop()
      await waitUntil(() => client.names(from).includes('net:connected'), EVENTS_MS, 'reconnected')
      await sleep(QUIET_MS)
      expect(client.events.slice(from)).toEqual([
        net('connecting', true, 'alice'),
        net('connected', true, 'alice'),
      ])
      await world.kick('alice', 'multi-device')
      await waitUntil(() => client.names(from).includes('sdkStateNotReady'), EVENTS_MS, 'kick after re-login')
      expect(client.names(from)).toEqual(['net:connecting', 'net:connected', 'kickedOut', 'sdkStateNotReady'])
    },
  },
  {
    id: 'young-socket-drop',
    title: 'Server closes a socket younger than 1 s',
    checks: 'counted as a failed connect: disconnected → connected, while ready; no READY/NOT_READY',
    async run(world, expect) {
      // The socket opens in create(); a login takes about 100 ms, far less than the SDK's 1 s threshold.
      const client = await readyClient(world, 'alice')
      const from = client.events.length
      await world.drop()
      await waitUntil(() => client.names(from).includes('net:connected'), EVENTS_MS, 'reconnected')
      await sleep(QUIET_MS)
      expect(client.events.slice(from)).toEqual([
        net('disconnected', true, 'alice'),
        net('connected', true, 'alice'),
      ])
    },
  },
  {
    id: 'outage',
    title: 'Service unreachable for 1.5 s',
    checks:
      'connecting, then disconnected within 1 s; retries alternate connecting/disconnected; ' +
      'disconnected → connected when back; isReady() true throughout; no READY/NOT_READY',
    async run(world, expect) {
      const client = await readyClient(world, 'alice')
      await sleep(SOCKET_SETTLE_MS)
      const from = client.events.length
      const over = world.outage(1500)
      await waitUntil(() => client.names(from).includes('net:disconnected'), 1000, 'disconnected')
      expect(client.chat.isReady()).toBe(true)
      await over
      await waitUntil(() => client.names(from).at(-1) === 'net:connected', EVENTS_MS, 'connected again')
      await sleep(QUIET_MS)
      const names = client.names(from)
      expect(names.slice(0, 2)).toEqual(['net:connecting', 'net:disconnected'])
      expect(names.slice(-2)).toEqual(['net:disconnected', 'net:connected'])
      const retries = names.slice(0, -1)
      expect(retries).toEqual(retries.map((_, i) => (i % 2 === 0 ? 'net:connecting' : 'net:disconnected')))
      expect(client.events.slice(from).every((e) => e.ready && e.user === 'alice')).toBe(true)
      expect(client.chat.isReady()).toBe(true)
    },
  },
  {
    id: 'logout',
    title: 'Logout',
    checks:
      'when logged out: rejects 2024, no event; when logged in: SDK_NOT_READY, then resolves `{code: 0, data: {}}`; ' +
      'guard 3005; again: 2024',
    async run(world, expect) {
      const client = world.client()
      expect(await settle(client.chat.logout())).toMatchObject({ code: 2024 })
      await login(client, 'alice', await world.sign('alice'))
      await waitUntil(() => client.chat.isReady(), READY_MS, 'ready')
      const from = client.events.length
      const result = await client.chat.logout()
      client.mark('logout resolved')
      expect(result).toEqual({ code: 0, data: {} })
      expect(client.names().slice(0, from)).toEqual(['login resolved', 'sdkStateReady'])
      expect(client.events.slice(from)).toEqual([
        notReady,
        { name: 'logout resolved', data: undefined, ready: false, user: '' },
      ])
      expect(await guardCode(client.chat)).toBe(3005)
      expect(await settle(client.chat.logout())).toMatchObject({ code: 2024 })
    },
  },
  {
    id: 'destroy-pending-login',
    title: 'destroy() during a pending login',
    checks: 'destroy rejects 2024 (not logged in) and emits sdkDestroy {SDKAppID}; the login never settles',
    async run(world, expect) {
      await world.hangNextLogin()
      const client = world.client()
      let outcome = 'pending'
      client.chat.login({ userID: 'alice', userSig: await world.sign('alice') }).then(
        () => {
          outcome = 'resolved'
        },
        () => {
          outcome = 'rejected'
        },
      )
      await sleep(200)
      expect(await settle(client.chat.destroy())).toMatchObject({ code: 2024 })
      expect(client.events).toEqual([
        { name: 'sdkDestroy', data: { SDKAppID: world.sdkAppId }, ready: false, user: '' },
      ])
      // The SDK's own 90 s login timeout is gone with its timers; a second is enough to see nothing settles.
      await sleep(1000)
      expect(outcome).toBe('pending')
    },
  },
  ...messagingScenarios,
]
