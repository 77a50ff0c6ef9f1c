import type { ContractWorld } from './contractDriver'
import type { ContractScenario } from './contractScenario'
import { EVENTS_MS, guardCode, QUIET_MS, reloginWorks, settle } from './contractSteps'
import { sleep } from './sleep'
import { waitUntil } from './waitUntil'

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

export const rejectionScenarios: ContractScenario[] = rejections.map((r) => ({
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
