import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type LocalGateway, SERVCMD, startLocalGateway } from '../../src/gateway'
import { MESSAGE_SERVCMD } from '../../src/gateway/messageRelay'
import { RawClient } from './_rawClient'
import { APP_ID, SECRET_KEY, sign } from './_sdk'

// The relay on the wire, where the real SDK cannot easily be made to do it (the contract scenarios cover the
// SDK's side: messagingScenarios.ts).
let gateway: LocalGateway
const clients: RawClient[] = []

beforeEach(async () => {
  gateway = await startLocalGateway({ sdkAppId: APP_ID, secretKey: SECRET_KEY, helloInterval: 1 })
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await gateway.close()
})

async function signedIn(userID: string): Promise<{ client: RawClient; a2: string }> {
  const client = await RawClient.open(gateway.url, '/binfo')
  clients.push(client)
  const reply = await client.request(SERVCMD.login, { identifier: userID, usersig: sign(userID) })
  return { client, a2: reply.body.A2Key as string }
}

const text = (t: string) => [{ MsgType: 'TIMTextElem', MsgContent: { Text: t } }]
const sendBody = (to: string, seq: number, t: string) => ({
  To_Account: to,
  MsgSeq: seq,
  MsgRandom: seq * 7,
  MsgClientTime: 1_700_000_000,
  MsgBody: text(t),
})

describe('message relay (raw websocket)', () => {
  it('refuses a sendmsg without a recipient or a body, and relays nothing', async () => {
    const alice = await signedIn('alice')
    const reply = await alice.client.request(MESSAGE_SERVCMD.send, { a2: alice.a2 }, { MsgBody: text('x') })
    expect(reply.body.ErrorCode).not.toBe(0)
    const history = await alice.client.request(
      MESSAGE_SERVCMD.history,
      { a2: alice.a2 },
      { Peer_Account: '' },
    )
    expect(history.body.MsgList).toEqual([])
  })

  it('answers commands only for a signed-in instance', async () => {
    const client = await RawClient.open(gateway.url, '/binfo')
    clients.push(client)
    const seq = client.send(MESSAGE_SERVCMD.send, { a2: 'not-a-session' }, sendBody('bob', 1, 'hi'))
    await expect(client.waitForFrame((f) => f.head.seq === seq, 300)).rejects.toThrow()
  })

  it('a resend (same sender, MsgSeq, MsgRandom) is answered but stored and pushed once', async () => {
    const alice = await signedIn('alice')
    const bob = await signedIn('bob')
    for (let i = 0; i < 2; i++) {
      const reply = await alice.client.request(
        MESSAGE_SERVCMD.send,
        { a2: alice.a2 },
        sendBody('bob', 5, 'once'),
      )
      expect(reply.body).toMatchObject({ ErrorCode: 0, MsgSeq: 5 })
    }
    const history = await bob.client.request(
      MESSAGE_SERVCMD.history,
      { a2: bob.a2 },
      { Peer_Account: 'alice' },
    )
    expect(history.body.MsgList).toHaveLength(1)
    expect(bob.client.frames.filter((f) => f.head.servcmd === MESSAGE_SERVCMD.push)).toHaveLength(1)
  })

  it('reading counts up to the messages there when it was read, even within the same second', async () => {
    const alice = await signedIn('alice')
    const bob = await signedIn('bob')
    await alice.client.request(MESSAGE_SERVCMD.send, { a2: alice.a2 }, sendBody('bob', 1, 'one'))
    const read = {
      C2CMsgReaded: { Cookie: '', C2CMsgReadedItem: [{ To_Account: 'alice', LastedMsgTime: 4e9 }] },
    }
    await bob.client.request(MESSAGE_SERVCMD.read, { a2: bob.a2 }, read)
    await alice.client.request(MESSAGE_SERVCMD.send, { a2: alice.a2 }, sendBody('bob', 2, 'two'))
    const list = await bob.client.request(MESSAGE_SERVCMD.conversations, { a2: bob.a2 })
    expect(list.body.SessionItem).toMatchObject([{ To_Account: 'alice', UnreadMsgCount: 1 }])
    const sync = await bob.client.request(MESSAGE_SERVCMD.sync, { a2: bob.a2 }, { Cookie: '' })
    expect(sync.body.C2CPairUnreadCount).toEqual([{ From_Account: 'alice', UnreadCount: 1 }])
  })

  it('pages the history older-first with MsgKey until Complete', async () => {
    const alice = await signedIn('alice')
    for (let i = 1; i <= 5; i++)
      await alice.client.request(MESSAGE_SERVCMD.send, { a2: alice.a2 }, sendBody('bob', i, `m${i}`))
    const page = async (MsgKey: string) =>
      (
        await alice.client.request(
          MESSAGE_SERVCMD.history,
          { a2: alice.a2 },
          { Peer_Account: 'bob', MaxCnt: 2, MsgKey },
        )
      ).body as { Complete: number; MsgKey: string; MsgList: Array<{ MsgBody: ReturnType<typeof text> }> }
    const texts = (p: Awaited<ReturnType<typeof page>>) => p.MsgList.map((m) => m.MsgBody[0]?.MsgContent.Text)
    const first = await page('')
    expect([texts(first), first.Complete]).toEqual([['m4', 'm5'], 0])
    const second = await page(first.MsgKey)
    expect([texts(second), second.Complete]).toEqual([['m2', 'm3'], 0])
    const last = await page(second.MsgKey)
    expect([texts(last), last.Complete]).toEqual([['m1'], 1])
  })
})
