import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { harness, settle } from './_harness'
import { makeSig } from './_sig'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('a login abandoned by a switch (the SDK cannot cancel it)', () => {
  it('that the server then refuses as expired: its sig is never sent again (found by the property test)', async () => {
    // A fetcher that hands back the same sig per user, as a cache in front of the endpoint would.
    const sigs = new Map<string, string>()
    const h = harness({
      fetchUserSig: async (userID) => sigs.get(userID) ?? sigs.set(userID, makeSig(userID)).get(userID)!,
    })
    const sent: string[] = []
    const login = h.chat.login
    h.chat.login = (params) => {
      sent.push(params.userSig)
      return login(params)
    }
    h.chat.fake.outage(500)
    h.chat.fake.failNextLogin(70001)
    void h.session.login('bob').catch(() => undefined)
    await settle(50)
    // bob's SDK login waits for the socket; the switch to alice lets it go.
    void h.session.login('alice').catch(() => undefined)
    await settle(2000)
    const bobAgain = h.session.login('bob').catch((e: unknown) => e)
    await settle(20_000)
    expect(await bobAgain).toMatchObject({ kind: 'sig-expired' })
    expect(sent.filter((sig) => sig === sigs.get('bob'))).toHaveLength(1)
  })
})
