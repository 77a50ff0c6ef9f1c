import { describe, expect, it } from 'vitest'
import { type EngineState, initialEngineState, transition } from '../src/engine'
import { makeSig } from './_sig'

describe('forced expiry (the server invalidates a sig the engine holds no successor for)', () => {
  it('starts the fetch at the kick, in parallel with the SDK recycling its socket, and logs in after SDK_NOT_READY', () => {
    const sig = makeSig('alice')
    let state: EngineState = {
      ...initialEngineState(),
      goal: { name: 'user', userID: 'alice' } as const,
      phase: { name: 'ready', user: 'alice', sig } as const,
    }
    const env = { now: 1000, random: 0.5 }
    const kick = transition(state, { type: 'kicked', reason: 'usersig-expired' }, env)
    expect(kick.effects).toContainEqual(
      expect.objectContaining({ type: 'fetch', userID: 'alice', reason: 'expired' }),
    )
    state = kick.state
    // SDK_NOT_READY while the fetch runs: nothing new starts (no second fetch, no login without a sig).
    const notReady = transition(state, { type: 'not-ready' }, env)
    expect(notReady.effects.filter((e) => e.type === 'fetch' || e.type === 'sdk-login')).toEqual([])
  })
})
