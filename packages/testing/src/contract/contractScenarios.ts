import type { ContractScenario } from './contractScenario'
import {
  EVENTS_MS,
  guardCode,
  kicked,
  notReady,
  QUIET_MS,
  readyClient,
  reloginWorks,
  settle,
} from './contractSteps'
import { kickScenarios } from './kickScenarios'
import { loginScenarios } from './loginScenarios'
import { messagingScenarios } from './messagingScenarios'
import { rejectionScenarios } from './rejectionScenarios'
import { sessionScenarios } from './sessionScenarios'
import { sleep } from './sleep'
import { waitUntil } from './waitUntil'

/**
 * The contract: every behaviour the fake shares with the real SDK, in the order of the README table.
 * Each asserts the events, their order and payloads, the SDK state inside the handlers, and the codes.
 */
export const contractScenarios: readonly ContractScenario[] = [
  ...loginScenarios,
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
  ...sessionScenarios,
  ...messagingScenarios,
]
