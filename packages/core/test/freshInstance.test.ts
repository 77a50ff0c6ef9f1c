import { describe, expect, it } from 'vitest'
import { type Effect, type EngineEvent, initialEngineState } from '../src/engine'
import { env, feed } from './_feed'

// The engine's rule for a session whose controller can replace the SDK instance (the app gave a factory),
// on the pure transition: when, and with what bookkeeping, it asks for a fresh instance.

/** A login for alice sent with a sig in hand, the SDK saying its socket is down (or, `online`, up). */
function stuckOffline(replaceable = true, online = false) {
  let r = feed(
    initialEngineState({ replaceable }),
    ...(online ? [] : [{ type: 'net', net: 'disconnected' } as const]),
    { type: 'login', userID: 'alice' },
  )
  r = feed(r.state, {
    type: 'fetched',
    id: r.state.fetch!.id,
    sig: {
      userSig: 'sig-a',
      identifier: 'alice',
      sdkAppId: 1,
      issuedAt: env.now,
      expiresAt: env.now + 86_400_000,
    },
  })
  return r.state
}

const timer = (name: 'stuck' | 'login'): EngineEvent => ({ type: 'timer', timer: name })

describe('a fresh SDK instance for a stuck login (replaceable)', () => {
  it('a login on an SDK that says disconnected is replaced at the next check, and sent again on the fresh instance with the same sig', () => {
    const s = stuckOffline()
    expect(s.timers.stuck).toBe(env.now + 2000)
    let r = feed(s, timer('stuck'))
    expect(r.types).toEqual(['sdk-reset'])
    const reset = r.effects[0] as Extract<Effect, { type: 'sdk-reset' }>
    expect(r.state.call).toEqual({ op: 'logout', id: reset.id })
    // The fresh instance has not said anything yet.
    expect(r.state.net).toBe('connecting')
    r = feed(r.state, { type: 'sdk-logout', id: reset.id })
    expect(r.effects).toEqual([
      expect.objectContaining({ type: 'sdk-login', userID: 'alice', userSig: 'sig-a' }),
    ])
    // The callers' deadline runs on from the first send.
    expect(r.state.timers.login).toBe(s.timers.login)
  })

  it('a login on a connected SDK is left alone (against a silent server the SDK re-sends it by itself)', () => {
    const r = feed(stuckOffline(), { type: 'net', net: 'connected' }, timer('stuck'))
    expect(r.types).toEqual([])
    expect(r.state.timers.stuck).toBe(env.now + 2000)
  })

  it('the login deadline offline tells the callers, but is not a failed attempt: no backoff, nothing counted', () => {
    let s = stuckOffline()
    for (let i = 0; i < 10; i++) {
      const r = feed(s, timer('login'))
      expect(r.types).toEqual(['settle', 'emit'])
      expect(r.state).toMatchObject({ failures: 0, goal: { name: 'user' }, error: { kind: 'timeout' } })
      expect(r.state.timers.backoff).toBeUndefined()
      s = r.state
    }
  })

  it('a switch or a logout during the stuck login replaces the instance instead of abandoning the login', () => {
    const switched = feed(stuckOffline(), { type: 'login', userID: 'bob' })
    expect(switched.types).toContain('sdk-reset')
    expect(switched.state.abandoned).toBeNull()
    const out = feed(stuckOffline(), { type: 'logout' })
    const reset = out.effects.find((e) => e.type === 'sdk-reset') as Extract<Effect, { type: 'sdk-reset' }>
    expect(out.effects).not.toContainEqual(expect.objectContaining({ call: { op: 'logout' } }))
    // The logout completes once the fresh instance is in place.
    const done = feed(out.state, { type: 'sdk-logout', id: reset.id })
    expect(done.effects).toContainEqual({
      type: 'settle',
      call: { op: 'logout' },
      error: undefined,
      value: undefined,
    })
  })

  it('a login unanswered on a socket that stayed up is counted at its deadline and goes with its instance: the retry, after the backoff, is on a fresh one', () => {
    const s = stuckOffline(true, true)
    expect(s.net).toBe('connected')
    let r = feed(s, timer('login'))
    const reset = r.effects.find((e) => e.type === 'sdk-reset') as Extract<Effect, { type: 'sdk-reset' }>
    expect(reset).toBeDefined()
    expect(r.effects).toContainEqual(
      expect.objectContaining({ type: 'settle', error: expect.objectContaining({ kind: 'timeout' }) }),
    )
    expect(r.state).toMatchObject({
      failures: 1,
      goal: { name: 'user' },
      call: { op: 'logout', id: reset.id },
    })
    const backoff = r.state.timers.backoff!
    expect(backoff).toBeGreaterThan(env.now)
    // The fresh instance is in place; the next login waits for the backoff, then goes with the same sig.
    r = feed(r.state, { type: 'sdk-logout', id: reset.id })
    expect(r.types).not.toContain('sdk-login')
    r = feed(r.state, { type: 'timer', timer: 'backoff' })
    expect(r.effects).toEqual([
      expect.objectContaining({ type: 'sdk-login', userID: 'alice', userSig: 'sig-a' }),
    ])
  })

  it('one whose socket was recycled meanwhile (a silent server: the SDK re-sends it) is counted and waited on, not replaced', () => {
    const s = feed(
      stuckOffline(true, true),
      { type: 'net', net: 'connecting' },
      { type: 'net', net: 'connected' },
    ).state
    const r = feed(s, timer('login'))
    expect(r.types).not.toContain('sdk-reset')
    expect(r.state).toMatchObject({ failures: 1, call: { op: 'login-overdue', userID: 'alice' } })
  })

  it('without a factory nothing changes: no check armed, the deadline counts and backs off', () => {
    const s = stuckOffline(false)
    expect(s.timers.stuck).toBeUndefined()
    const r = feed(s, timer('login'))
    expect(r.state.failures).toBe(1)
    expect(r.state.timers.backoff).toBeDefined()
    const up = feed(stuckOffline(false, true), timer('login'))
    expect(up.types).not.toContain('sdk-reset')
    expect(up.state.call).toMatchObject({ op: 'login-overdue' })
    expect(feed(s, { type: 'logout' }).state.abandoned).toMatchObject({ user: 'alice' })
  })

  it('SDK_READY on the fresh instance counts as connected: it says nothing when its socket opens', () => {
    let r = feed(stuckOffline(), timer('stuck'))
    const reset = r.effects[0] as Extract<Effect, { type: 'sdk-reset' }>
    r = feed(r.state, { type: 'sdk-logout', id: reset.id })
    r = feed(r.state, {
      type: 'sdk-login',
      id: r.state.call!.id,
      result: { repeat: false, user: 'alice', ready: false },
    })
    r = feed(r.state, { type: 'ready', user: 'alice' })
    expect(r.state.net).toBe('connected')
    expect(r.effects.map((e) => (e.type === 'emit' ? e.name : e.type))).toEqual(['settle', 'logged-in'])
  })
})
