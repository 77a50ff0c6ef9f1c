import type { ExpectStatic } from 'vitest'
import type { ContractChat, ContractClient, ContractWorld } from './contractDriver'
import { waitUntil } from './waitUntil'

// What the contract scenarios share: time bounds, the steps they take, the events they expect.

// Upper bounds on loopback; the real SDK needs about 100 ms for a login and one heartbeat (1 s) for expiry.
export const READY_MS = 3000
export const EVENTS_MS = 4000
// After the expected events, this long with nothing more proves no extra event (a second READY, a kick…).
export const QUIET_MS = 300
// The real SDK treats a socket that closes within 1 s of opening as a failed connect (`disconnected`, not
// `connecting`). Scenarios about an established connection let the socket age past that first.
export const SOCKET_SETTLE_MS = 1100

export async function login(client: ContractClient, userID: string, userSig: string): Promise<unknown> {
  const result = await client.chat.login({ userID, userSig })
  client.mark('login resolved')
  return result
}

export async function readyClient(world: ContractWorld, userID: string): Promise<ContractClient> {
  const client = world.client()
  await login(client, userID, await world.sign(userID))
  await waitUntil(() => client.chat.isReady(), READY_MS, `${userID} ready`)
  return client
}

/** The code a guarded API rejects with right now (the SDK's not-ready reason). Also emits `error`. */
export function guardCode(chat: ContractChat): Promise<unknown> {
  return chat.getConversationList().then(
    () => 'resolved',
    (error: unknown) => (error as { code?: unknown }).code,
  )
}

export async function settle<T>(promise: Promise<T>): Promise<T | unknown> {
  return promise.then(
    (value) => value,
    (error: unknown) => error,
  )
}

export async function reloginWorks(world: ContractWorld, client: ContractClient, expect: ExpectStatic) {
  const from = client.events.length
  await login(client, 'alice', await world.sign('alice'))
  await waitUntil(() => client.chat.isReady(), READY_MS, 'ready after re-login')
  expect(client.names(from)).toEqual(['login resolved', 'sdkStateReady'])
}

export const notReady = { name: 'sdkStateNotReady', data: undefined, ready: false, user: '' }
export const kicked = (type: string) => ({ name: 'kickedOut', data: { type }, ready: true, user: 'alice' })
export const net = (state: string, ready: boolean, user: string) => ({
  name: `net:${state}`,
  data: { state },
  ready,
  user,
})
