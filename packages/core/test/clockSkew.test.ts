import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { harness, loginNow, settle } from './_harness'
import { makeSig } from './_sig'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const DAY = 86_400_000

// The fake service is the server: its clock is the (fake) real time. The session's clock is skewed through
// `now`, as a user's machine would be; the fetcher answers like `userSigFromEndpoint` with `serverTime`.
function skewed(offsetMs: number, withServerTime = true) {
  return harness({
    fetchUserSig: async (userID) =>
      withServerTime ? { userSig: makeSig(userID, 600), serverTime: Date.now() } : makeSig(userID, 600),
    session: { now: () => Date.now() + offsetMs },
  })
}

describe('the background refresh runs on server time (serverTime with each sig)', () => {
  it('a clock 8 days ahead wastes no background fetch: the refresh comes at 90 % of the life, once', async () => {
    const h = skewed(8 * DAY)
    await loginNow(h, 'alice')
    await settle(60_000)
    expect(h.fetchReasons()).toEqual(['login'])
    await settle(481_000) // 541 s in: 90 % of the 10-minute life, on the server's clock
    expect(h.fetchReasons()).toEqual(['login', 'proactive'])
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', refresh: 'idle' })
  })

  it('a clock 2 hours behind still refreshes before the expiry kick, which then uses the fetched sig', async () => {
    const h = skewed(-2 * 3_600_000)
    await loginNow(h, 'alice')
    await settle(541_000)
    expect(h.fetchReasons()).toEqual(['login', 'proactive'])
    await settle(120_000) // past the expiry and the heartbeat that reports it
    expect(h.fetchReasons()).toEqual(['login', 'proactive']) // no 'expired' fetch
    expect(h.sdkLogins).toEqual(['alice', 'alice'])
    expect(h.snapshot()).toMatchObject({ status: 'logged-in', refresh: 'idle' })
  })

  it('without serverTime the engine keeps its own clock (an accurate clock is unaffected)', async () => {
    const h = skewed(0, false)
    await loginNow(h, 'alice')
    await settle(541_000)
    expect(h.fetchReasons()).toEqual(['login', 'proactive'])
  })
})
