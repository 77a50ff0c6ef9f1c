import type { ContractScenario } from './contractScenario'
import {
  EVENTS_MS,
  guardCode,
  kicked,
  login,
  net,
  notReady,
  QUIET_MS,
  READY_MS,
  readyClient,
  reloginWorks,
  SOCKET_SETTLE_MS,
  settle,
} from './contractSteps'
import { sleep } from './sleep'
import { waitUntil } from './waitUntil'

/** A session once signed in: expiry, drops and outages, logout, destroy. */
export const sessionScenarios: readonly ContractScenario[] = [
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
      // Timed from the SDK's first sign of it: a browser driver starts the outage over HTTP, which may be slow.
      await waitUntil(() => client.names(from).includes('net:connecting'), READY_MS, 'socket lost')
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
]
