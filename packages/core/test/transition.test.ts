import { describe, expect, it } from 'vitest'
import { initialEngineState, toSnapshot, transition } from '../src/engine'
import { SessionError } from '../src/index'
import { env, feed } from './_feed'

const sigFor = (userID: string, value = `sig-of-${userID}`) =>
  ({
    type: 'fetched',
    id: 0,
    sig: {
      userSig: value,
      identifier: userID,
      sdkAppId: 1400000001,
      issuedAt: env.now,
      expiresAt: env.now + 86_400_000,
    },
  }) as const

/** Signs `userID` in through the pure engine, returning the state once logged in. */
function loggedIn(userID: string) {
  let r = feed(initialEngineState(), { type: 'login', userID })
  r = feed(r.state, { ...sigFor(userID), id: r.state.fetch!.id })
  const call = r.state.call!
  r = feed(r.state, { type: 'sdk-login', id: call.id, result: { repeat: false, user: userID, ready: false } })
  return feed(r.state, { type: 'ready', user: userID }).state
}

describe('transition', () => {
  it('is logged-in only after SDK_READY, not on the resolved login promise', () => {
    let r = feed(initialEngineState(), { type: 'login', userID: 'alice' })
    expect(r.effects).toContainEqual(
      expect.objectContaining({ type: 'fetch', userID: 'alice', reason: 'login' }),
    )
    r = feed(r.state, { ...sigFor('alice'), id: r.state.fetch!.id })
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'sdk-login', userID: 'alice' }))
    const id = r.state.call!.id
    r = feed(r.state, { type: 'sdk-login', id, result: { repeat: false, user: 'alice', ready: false } })
    expect(toSnapshot(r.state).status).toBe('logging-in')
    r = feed(r.state, { type: 'ready', user: 'alice' })
    expect(toSnapshot(r.state)).toMatchObject({ status: 'logged-in', userID: 'alice' })
    expect(r.effects).toContainEqual({ type: 'settle', call: { op: 'login', userID: 'alice' } })
  })

  it('never starts a second fetch or SDK login for a login already in flight', () => {
    const first = feed(initialEngineState(), { type: 'login', userID: 'alice' })
    const again = feed(first.state, { type: 'login', userID: 'alice' }, { type: 'login', userID: 'alice' })
    expect(again.types).not.toContain('fetch')
    expect(again.types).not.toContain('sdk-login')
  })

  it('does not log in again when already logged in as that user', () => {
    const r = feed(loggedIn('alice'), { type: 'login', userID: 'alice' })
    expect(r.effects).toEqual([{ type: 'settle', call: { op: 'login', userID: 'alice' } }])
  })

  it('never logs in on a network reconnect', () => {
    const r = feed(
      loggedIn('alice'),
      { type: 'net', net: 'connecting' },
      { type: 'net', net: 'disconnected' },
      { type: 'timer', timer: 'net' },
      { type: 'net', net: 'connected' },
    )
    expect(r.types).not.toContain('sdk-login')
    expect(r.types).not.toContain('fetch')
    expect(toSnapshot(r.state)).toMatchObject({ status: 'logged-in', net: 'connected', netLost: false })
  })

  it('backs off with jitter between half and all of a capped exponential step', () => {
    const cfg = initialEngineState({ backoffBase: 1000, backoffCap: 4000, maxAttempts: 10 })
    let s = feed(cfg, { type: 'login', userID: 'alice' }).state
    const delays: number[] = []
    for (let i = 0; i < 5; i++) {
      const error = new SessionError('fetcher-failed')
      const low = transition(s, { type: 'fetched', id: s.fetch!.id, error }, { ...env, random: 0 })
      const high = transition(s, { type: 'fetched', id: s.fetch!.id, error }, { ...env, random: 0.999 })
      // Timers are deadlines in the state: the backoff wait is its deadline minus now.
      const ms = (r: typeof low) => r.state.timers.backoff! - env.now
      delays.push(ms(low), ms(high))
      s = feed(low.state, { type: 'timer', timer: 'backoff' }).state
    }
    expect(delays).toEqual([500, 1000, 1000, 1999, 2000, 3998, 2000, 3998, 2000, 3998])
  })

  it('ignores every event after dispose', () => {
    const disposed = feed(loggedIn('alice'), { type: 'dispose' })
    expect(disposed.types).toContain('detach')
    const after = feed(
      disposed.state,
      { type: 'kicked', reason: 'multi-device' },
      { type: 'login', userID: 'bob' },
    )
    expect(after.effects).toEqual([])
    expect(after.state).toBe(disposed.state)
  })

  it('keeps the UserSig out of the public snapshot', () => {
    const snapshot = JSON.stringify(toSnapshot(loggedIn('alice')))
    expect(snapshot).not.toContain('sig-of-alice')
    expect(snapshot).toContain('expiresAt')
  })
})

describe('tabs of this browser', () => {
  const note = { type: 'tab', note: 'signing-in', userID: 'alice' } as const
  const kick = { type: 'kicked', reason: 'multi-account' } as const

  it('a kick linked to the other tab’s note pauses, in either order; a plain multi-account kick asks', () => {
    for (const events of [
      [note, kick],
      [kick, note],
    ] as const) {
      const r = feed(loggedIn('alice'), ...events)
      expect(toSnapshot(r.state)).toMatchObject({ status: 'paused', userID: 'alice', recovery: null })
      expect(r.types).not.toContain('fetch')
    }
    const plain = feed(loggedIn('alice'), kick)
    expect(toSnapshot(plain.state)).toMatchObject({ status: 'logged-out', recovery: { reason: 'kicked' } })
  })

  it('a login waiting for SDK_READY when the other tab takes over is told, with a typed error', () => {
    let r = feed(initialEngineState(), { type: 'login', userID: 'alice' })
    r = feed(r.state, { ...sigFor('alice'), id: r.state.fetch!.id })
    const id = r.state.call!.id
    r = feed(
      r.state,
      { type: 'sdk-login', id, result: { repeat: false, user: 'alice', ready: false } },
      note,
      kick,
    )
    expect(r.effects).toContainEqual(
      expect.objectContaining({
        type: 'settle',
        call: { op: 'login', userID: 'alice' },
        error: expect.objectContaining({ kind: 'superseded' }),
      }),
    )
    expect(toSnapshot(r.state).status).toBe('paused')
  })

  it('a paused tab takes over on a key press or lasting focus, with the sig it holds, and not on a glance', () => {
    const paused = feed(loggedIn('alice'), note, kick, { type: 'not-ready' }).state
    const pressed = feed(paused, { type: 'engaged' })
    expect(pressed.effects).toContainEqual(expect.objectContaining({ type: 'sdk-login', userID: 'alice' }))
    expect(pressed.types).not.toContain('fetch')
    const glance = feed(paused, { type: 'focus', focused: true }, { type: 'focus', focused: false })
    expect(glance.state.timers.takeover).toBeUndefined()
    const stay = feed(paused, { type: 'focus', focused: true }, { type: 'timer', timer: 'takeover' })
    expect(stay.types).toContain('sdk-login')
  })

  it("under `tabs: 'ask'` the same kick asks, saying it came from this browser", () => {
    let r = feed(initialEngineState({ tabs: 'ask' }), { type: 'login', userID: 'alice' })
    r = feed(r.state, { ...sigFor('alice'), id: r.state.fetch!.id })
    const id = r.state.call!.id
    r = feed(
      r.state,
      { type: 'sdk-login', id, result: { repeat: false, user: 'alice', ready: true } },
      { type: 'ready', user: 'alice' },
      note,
      kick,
    )
    expect(toSnapshot(r.state)).toMatchObject({ status: 'logged-out', kicked: { fromThisBrowser: true } })
  })
})
