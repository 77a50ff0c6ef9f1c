import type { ContractScenario } from './contractScenario'
import { guardCode, login, QUIET_MS, READY_MS, readyClient, settle } from './contractSteps'
import { sleep } from './sleep'
import { waitUntil } from './waitUntil'

/** Signing in: the ready gap, a repeat login, a login during a login, switching users. */
export const loginScenarios: readonly ContractScenario[] = [
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
]
