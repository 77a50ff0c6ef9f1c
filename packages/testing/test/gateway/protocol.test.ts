import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GATEWAY_ERROR, type LocalGateway, SERVCMD, startLocalGateway } from '../../src/gateway'
import { RawClient } from './_rawClient'
import { APP_ID, SECRET_KEY, sign, sleep } from './_sdk'

let gateway: LocalGateway
const clients: RawClient[] = []

// A fresh gateway per test (it starts in a few ms), so sessions() only shows what the test did.
beforeEach(async () => {
  gateway = await startLocalGateway({ sdkAppId: APP_ID, secretKey: SECRET_KEY, helloInterval: 1 })
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await gateway.close()
})

async function open(path: '/binfo' | '/info' = '/binfo'): Promise<RawClient> {
  const client = await RawClient.open(gateway.url, path)
  clients.push(client)
  return client
}

/** Fresh wslogin as the SDK sends it; returns the a2 key. */
async function login(client: RawClient, userID: string): Promise<string> {
  const reply = await client.request(SERVCMD.login, { identifier: userID, usersig: sign(userID) })
  expect(reply.body.ErrorCode).toBe(0)
  return reply.body.A2Key as string
}

describe('gateway wire protocol (raw websocket)', () => {
  it('answers wslogin with the success body and echoes the request head', async () => {
    const client = await open()
    const reply = await client.request(SERVCMD.login, {
      identifier: 'alice',
      usersig: sign('alice'),
      extra: 'x',
    })
    expect(reply.binary).toBe(true)
    expect(reply.head).toMatchObject({ servcmd: SERVCMD.login, extra: 'x', identifier: 'alice' })
    expect(reply.body).toMatchObject({ ErrorCode: 0, ErrorInfo: '', HelloInterval: 1, CustomStatus: '' })
    expect(reply.body.A2Key).toMatch(/^[0-9a-f]{64}$/)
    expect(reply.body.TinyId).toMatch(/^\d+$/)
    expect(reply.body.InstId).toBeGreaterThan(0)
    expect(Math.abs((reply.body.TimeStamp as number) - Date.now() / 1000)).toBeLessThan(5)
  })

  it('a silent re-login with the a2 key (no sig) keeps the session: same A2Key, TinyId and InstId', async () => {
    const first = await open()
    const fresh = await first.request(SERVCMD.login, { identifier: 'bob', usersig: sign('bob') })
    await first.close()
    const second = await open()
    const again = await second.request(SERVCMD.login, { a2: fresh.body.A2Key, tinyid: fresh.body.TinyId })
    expect(again.body).toMatchObject({
      ErrorCode: 0,
      A2Key: fresh.body.A2Key,
      TinyId: fresh.body.TinyId,
      InstId: fresh.body.InstId,
    })
    expect(gateway.sessions()).toEqual({ bob: 1 })
  })

  it('answers an unknown a2 key (e.g. after a gateway restart) with 70001', async () => {
    const client = await open()
    const relogin = await client.request(SERVCMD.login, { a2: 'f'.repeat(64) })
    expect(relogin.body.ErrorCode).toBe(GATEWAY_ERROR.sigExpired)
    const hello = await client.request(SERVCMD.hello, { a2: 'f'.repeat(64) })
    expect(hello.body.ErrorCode).toBe(GATEWAY_ERROR.sigExpired)
  })

  it('pushes a kick as stat_forceoffline with KickoutMsgNotify when the socket is open', async () => {
    const client = await open()
    await login(client, 'carol')
    gateway.kick('carol', 'multi-device')
    const push = await client.waitForFrame((f) => f.head.servcmd === SERVCMD.forceOffline)
    expect(push.body).toEqual({
      EventArray: [{ Event: 9, C2cNotifyMsgArray: [{ KickoutMsgNotify: { KickType: 2, NewInstInfo: {} } }] }],
    })
  })

  it('answers the heartbeat with 1002 + KickType when the kick could not be pushed, and only once in a row', async () => {
    const first = await open()
    const a2 = await login(first, 'dave')
    await first.close()
    expect(gateway.kick('dave', 'rest-api')).toBe(1)
    const second = await open()
    const hello = await second.request(SERVCMD.hello, { a2 })
    expect(hello.body).toMatchObject({ ErrorCode: GATEWAY_ERROR.kickedOut, KickType: 3 })
    // While the SDK handles the kick, further heartbeats are answered OK so it is not kicked twice.
    const next = await second.request(SERVCMD.hello, { a2 })
    expect(next.body.ErrorCode).toBe(0)
    expect(second.frames.some((f) => f.head.servcmd === SERVCMD.forceOffline)).toBe(false)
  })

  it('the multi-instance policy pushes KickType 1 to the older instance of the same user', async () => {
    const older = await open()
    await login(older, 'erin')
    const newer = await open()
    await login(newer, 'erin')
    const push = await older.waitForFrame((f) => f.head.servcmd === SERVCMD.forceOffline)
    expect(push.body).toMatchObject({
      EventArray: [{ C2cNotifyMsgArray: [{ KickoutMsgNotify: { KickType: 1 } }] }],
    })
    expect(newer.frames.some((f) => f.head.servcmd === SERVCMD.forceOffline)).toBe(false)
    expect(gateway.sessions()).toEqual({ erin: 1 })
  })

  it('expire → 70001 on the next heartbeat, and the session is gone', async () => {
    const client = await open()
    const a2 = await login(client, 'frank')
    expect((await client.request(SERVCMD.hello, { a2 })).body.ErrorCode).toBe(0)
    gateway.expire('frank')
    expect((await client.request(SERVCMD.hello, { a2 })).body.ErrorCode).toBe(GATEWAY_ERROR.sigExpired)
    expect(gateway.sessions()).toEqual({})
    // A heartbeat still in flight for the ended session is answered OK, not with a second 70001.
    expect((await client.request(SERVCMD.hello, { a2 })).body.ErrorCode).toBe(0)
  })

  it('wslogout ends the session; heartbeat.alive and telemetry are answered OK', async () => {
    const client = await open()
    const a2 = await login(client, 'grace')
    expect((await client.request(SERVCMD.alive, { a2 })).body).toEqual({ ErrorCode: 0, ErrorInfo: '' })
    expect((await client.request(SERVCMD.report, {}, { Event: [] })).body.ErrorCode).toBe(0)
    expect((await client.request(SERVCMD.logout, { a2 }, { wslogout_type: 0 })).body.ErrorCode).toBe(0)
    expect(gateway.sessions()).toEqual({})
    expect((await client.request(SERVCMD.hello, { a2 })).body.ErrorCode).toBe(0)
  })

  it('answers the data-sync commands with complete, empty results and leaves unknown commands unanswered', async () => {
    const client = await open()
    const a2 = await login(client, 'heidi')
    const conv = await client.request('recentcontact.page_get', { a2 })
    expect(conv.body).toMatchObject({ ErrorCode: 0, CompleteFlag: 1, SessionItem: [] })
    const black = await client.request('sns.black_list_get', { a2 })
    expect(black.body).toMatchObject({ ErrorCode: 0, StartIndex: 0, BlackListItem: [] })
    const profile = await client.request(
      'profile.portrait_get_all',
      { a2 },
      { UserItem: [{ To_Account: 'heidi' }] },
    )
    expect(profile.body.UserProfileItem).toEqual([{ To_Account: 'heidi', ProfileItem: [] }])
    // Recalling a message is one the gateway does not emulate (sending one is: the message relay).
    const seq = client.send('openim.msgwithdraw', { a2 })
    await sleep(200)
    expect(client.frames.some((f) => f.head.seq === seq)).toBe(false)
  })

  it('speaks text frames on /info (SDK devMode) and ignores malformed frames', async () => {
    const client = await open('/info')
    client.sendRaw('not json')
    client.sendRaw(JSON.stringify({ head: { servcmd: 1 } }))
    const reply = await client.request(SERVCMD.alive)
    expect(reply.binary).toBe(false)
    expect(client.frames).toHaveLength(1)
  })

  it('failNextLogin and hangNextLogin apply to fresh logins only, in the order they were armed', async () => {
    const client = await open()
    const a2 = await login(client, 'ivan')
    gateway.hangNextLogin()
    gateway.failNextLogin(6206, 'expired, native style')
    // A silent re-login is not a "login" for these switches.
    expect((await client.request(SERVCMD.login, { a2 })).body.ErrorCode).toBe(0)
    const hungSeq = client.send(SERVCMD.login, { identifier: 'ivan', usersig: sign('ivan') })
    const failed = await client.request(SERVCMD.login, { identifier: 'ivan', usersig: sign('ivan') })
    expect(failed.body).toEqual({ ErrorCode: 6206, ErrorInfo: 'expired, native style' })
    expect(client.frames.some((f) => f.head.seq === hungSeq)).toBe(false)
    expect(
      (await client.request(SERVCMD.login, { identifier: 'ivan', usersig: sign('ivan') })).body.ErrorCode,
    ).toBe(0)
  })
})
