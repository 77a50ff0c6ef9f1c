import type { ContractClient, ContractWorld } from './contractDriver'
import type { ContractConversation, ContractMessaging } from './contractMessaging'
import type { ContractScenario } from './contractScenario'
import { sleep } from './sleep'
import { waitUntil } from './waitUntil'

// Upper bounds on loopback (a push arrives in milliseconds; a reconnect after an outage takes a few seconds).
const READY_MS = 3000
const DELIVERY_MS = 4000
const AFTER_OUTAGE_MS = 12_000
// With nothing more for this long, a message did not arrive twice.
const QUIET_MS = 300
const NO_FAKE = { fake: 'the fake SDK has no messages' }

/**
 * User IDs of one scenario run: the browser driver's worlds share one gateway, whose message log outlives
 * them, and a second login of one user kicks the first, so every run talks between users of its own.
 */
function users(): { alice: string; bob: string } {
  const run = Math.random().toString(36).slice(2, 8)
  return { alice: `alice-${run}`, bob: `bob-${run}` }
}

function messaging(client: ContractClient): ContractMessaging {
  const { messages } = client.chat
  if (!messages) throw new Error('this driver has no messaging (mark the scenario unsupported)')
  return messages
}

async function signedIn(world: ContractWorld, userID: string): Promise<ContractClient> {
  const client = world.client()
  await client.chat.login({ userID, userSig: await world.sign(userID) })
  await waitUntil(() => client.chat.isReady(), READY_MS, `${userID} ready`)
  return client
}

/**
 * The conversation list once it has `count` entries. The SDK can be ready before the list arrives (it then
 * emits CONVERSATION_LIST_UPDATED), so a chat view re-reads it on that event; a scenario polls.
 */
async function conversationsOnceListed(
  messages: ContractMessaging,
  count: number,
  done: (list: ContractConversation[]) => boolean = () => true,
): Promise<ContractConversation[]> {
  const deadline = Date.now() + DELIVERY_MS
  for (;;) {
    const list = await messages.conversations()
    if ((list.length >= count && done(list)) || Date.now() > deadline) return list
    await sleep(50)
  }
}

const texts = (list: ReadonlyArray<{ text: string }>): string[] => list.map((m) => m.text)

/**
 * One-to-one messaging through the local gateway's relay, on the real SDK: what a chat app built on the kit
 * sees across a kick, a reload and an outage. The fake SDK has no messaging, so these run on the real SDK only.
 */
export const messagingScenarios: readonly ContractScenario[] = [
  {
    id: 'message-both-ways',
    title: 'a text message reaches the signed-in peer at once, both ways',
    checks:
      'sendMessage resolves with the message; the peer gets MESSAGE_RECEIVED once, same ID, flow in; the reply comes back',
    unsupported: NO_FAKE,
    async run(world, expect) {
      const { alice, bob } = users()
      const a = messaging(await signedIn(world, alice))
      const b = messaging(await signedIn(world, bob))
      const sent = await a.send(bob, 'hello bob')
      expect(sent).toMatchObject({ from: alice, to: bob, flow: 'out', text: 'hello bob' })
      await waitUntil(() => b.received.length > 0, DELIVERY_MS, 'bob receives')
      const reply = await b.send(alice, 'hi alice')
      await waitUntil(() => a.received.length > 0, DELIVERY_MS, 'alice receives')
      await sleep(QUIET_MS)
      expect(b.received).toEqual([{ id: sent.id, from: alice, to: bob, flow: 'in', text: 'hello bob' }])
      expect(a.received).toEqual([{ id: reply.id, from: bob, to: alice, flow: 'in', text: 'hi alice' }])
    },
  },
  {
    id: 'message-history',
    title:
      'signing in again shows the conversation: history in order, last message, nothing unread once read',
    checks:
      'after logout + login: C2C<peer> with the last text and unread 1; getMessageList oldest first, same IDs; setMessageRead → 0, also after the next login',
    unsupported: NO_FAKE,
    async run(world, expect) {
      const { alice, bob } = users()
      const a = messaging(await signedIn(world, alice))
      const bobClient = await signedIn(world, bob)
      const b = messaging(bobClient)
      await a.send(bob, 'one')
      await waitUntil(() => b.received.length === 1, DELIVERY_MS, 'bob receives one')
      // setMessageRead does nothing while the SDK's own count is 0; a view reads what it shows as unread.
      await conversationsOnceListed(b, 1, (list) => list[0]?.unread === 1)
      await b.read(alice)
      const two = await b.send(alice, 'two')
      await a.send(bob, 'three')
      await waitUntil(() => b.received.length === 2, DELIVERY_MS, 'bob receives three')
      // Like a reload: logout() drops the SDK's cached conversations and messages, the login syncs anew.
      const signInAgain = async () => {
        await bobClient.chat.logout()
        await bobClient.chat.login({ userID: bob, userSig: await world.sign(bob) })
        await waitUntil(() => bobClient.chat.isReady(), READY_MS, 'bob ready again')
      }
      await signInAgain()
      // Polled until the unread count is in: once in Chromium under load the first list had 'three' with unread
      // 0 (the login's sync still landing, it seems); a view re-reads it on CONVERSATION_LIST_UPDATED.
      const synced = (list: ContractConversation[]) => list[0]?.unread === 1 && list[0].lastText === 'three'
      expect(await conversationsOnceListed(b, 1, synced)).toEqual([
        { id: `C2C${alice}`, unread: 1, lastText: 'three', lastFrom: alice },
      ])
      const history = await b.history(alice)
      expect(history.map((m) => [m.text, m.flow])).toEqual([
        ['one', 'in'],
        ['two', 'out'],
        ['three', 'in'],
      ])
      // The IDs the pushes and the send gave: one message, one ID, wherever it is read.
      expect(history.map((m) => m.id)).toEqual([b.received[0]?.id, two.id, b.received[1]?.id])
      expect(texts(await a.history(bob))).toEqual(['one', 'two', 'three'])
      await b.read(alice)
      expect((await b.conversations())[0]?.unread).toBe(0)
      await signInAgain()
      expect((await conversationsOnceListed(b, 1))[0]).toMatchObject({ unread: 0, lastText: 'three' })
      // Synced at login, not pushed: no MESSAGE_RECEIVED beyond the two live ones.
      expect(b.received).toHaveLength(2)
    },
  },
  {
    id: 'message-while-kicked',
    title: 'a message sent while the peer is kicked is there after it signs in again',
    checks:
      'no MESSAGE_RECEIVED on the kicked instance; after a new login: unread 1 with the text, and in getMessageList',
    unsupported: NO_FAKE,
    async run(world, expect) {
      const { alice, bob } = users()
      const aliceClient = await signedIn(world, alice)
      const a = messaging(aliceClient)
      const b = messaging(await signedIn(world, bob))
      await world.kick(alice, 'multi-device')
      await waitUntil(() => !aliceClient.chat.isReady(), READY_MS, 'alice kicked')
      await b.send(alice, 'sent while you were away')
      await sleep(QUIET_MS)
      expect(a.received).toEqual([])
      await aliceClient.chat.login({ userID: alice, userSig: await world.sign(alice) })
      await waitUntil(() => aliceClient.chat.isReady(), READY_MS, 'alice back')
      expect(await conversationsOnceListed(a, 1)).toEqual([
        { id: `C2C${bob}`, unread: 1, lastText: 'sent while you were away', lastFrom: bob },
      ])
      expect(texts(await a.history(bob))).toEqual(['sent while you were away'])
    },
  },
  {
    id: 'message-outage',
    title: 'during an outage a send waits, then the peer gets the message once',
    checks:
      'sendMessage resolves only after the service is back; the peer gets one MESSAGE_RECEIVED; the history has it once',
    unsupported: NO_FAKE,
    async run(world, expect) {
      const { alice, bob } = users()
      const aliceClient = await signedIn(world, alice)
      const a = messaging(aliceClient)
      const b = messaging(await signedIn(world, bob))
      // An established socket first (the SDK counts a socket that dies within 1 s of opening as a failed connect).
      await sleep(1100)
      let settled = false
      const from = aliceClient.events.length
      const outage = world.outage(2000)
      // A browser driver starts the outage over HTTP: a send made before the gateway took it goes through.
      await waitUntil(() => aliceClient.names(from).includes('net:connecting'), READY_MS, 'socket lost')
      const sending = a.send(bob, 'through the outage').finally(() => {
        settled = true
      })
      await sleep(1000)
      expect(settled).toBe(false)
      await outage
      const sent = await sending
      await waitUntil(() => b.received.length > 0, AFTER_OUTAGE_MS, 'bob receives after the outage')
      await sleep(QUIET_MS)
      expect(b.received).toEqual([
        { id: sent.id, from: alice, to: bob, flow: 'in', text: 'through the outage' },
      ])
      expect(texts(await b.history(alice))).toEqual(['through the outage'])
    },
  },
]
