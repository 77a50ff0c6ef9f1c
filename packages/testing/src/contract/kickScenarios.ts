import { CHAT_KICK_TYPE } from '@chat-session/core'
import type { ContractScenario } from './contractScenario'
import {
  EVENTS_MS,
  guardCode,
  kicked,
  net,
  notReady,
  QUIET_MS,
  readyClient,
  reloginWorks,
} from './contractSteps'
import { sleep } from './sleep'
import { waitUntil } from './waitUntil'

type KickCase = readonly [
  id: string,
  kick: 'multi-device' | 'rest-api',
  type: string,
  guard: number,
  title: string,
]

// The `type` the SDK must say is the core's name for the kick: the contract checks the one table against it.
const kickCases: readonly KickCase[] = [
  ['kick-multi-device', 'multi-device', CHAT_KICK_TYPE['multi-device'], 3002, 'Kicked by another device'],
  ['kick-rest-api', 'rest-api', CHAT_KICK_TYPE['rest-api'], 3006, 'Kicked by the REST API'],
]

export const kickScenarios: ContractScenario[] = kickCases.map(([id, kick, type, guard, title]) => {
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
