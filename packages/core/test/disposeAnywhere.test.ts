import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { initialEngineState, transition } from '../src/engine'
import { harness, loginNow, settle } from './_harness'
import { makeSig } from './_sig'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('dispose() is final from wherever it is called', () => {
  it('right after login(): the fetcher is never called', async () => {
    const h = harness()
    const login = h.session.login('alice').catch((e: unknown) => e)
    h.session.dispose()
    expect(await login).toMatchObject({ kind: 'disposed' })
    await settle(1000)
    expect(h.fetchUserSig).not.toHaveBeenCalled()
    expect(h.sdkLogins).toEqual([])
  })

  it('from a store subscriber as the sig arrives: no SDK login is sent', async () => {
    const h = harness()
    h.session.store.subscribe(() => {
      // The step that holds the fetched sig also starts the SDK login: disposing here must stop it.
      if (h.fetchUserSig.mock.calls.length > 0) h.session.dispose()
    })
    const login = h.session.login('alice').catch((e: unknown) => e)
    await settle(1000)
    expect(await login).toMatchObject({ kind: 'disposed' })
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(h.sdkLogins).toEqual([])
  })

  it('from a session event handler at an expiry kick: no fetch and no SDK login after it', async () => {
    const h = harness()
    await loginNow(h, 'alice')
    h.session.on('sig-expired', () => h.session.dispose())
    h.service.expire('alice')
    await settle(60_000)
    expect(h.fetchUserSig).toHaveBeenCalledTimes(1)
    expect(h.sdkLogins).toEqual(['alice'])
  })
})

describe('the refused-sig memory', () => {
  it('is bounded: 1,000 expiries keep a short list, and the latest refused sig is still never sent', () => {
    let state = initialEngineState()
    const env = { now: 0, random: 0.5 }
    const step = (event: Parameters<typeof transition>[1]) => {
      const result = transition(state, event, env)
      state = result.state
      return result.effects
    }
    let sig = ''
    for (let i = 0; i < 1000; i++) {
      sig = makeSig('alice', 86_400 + i)
      state = {
        ...state,
        goal: { name: 'user', userID: 'alice' },
        phase: { name: 'ready', user: 'alice', sig },
      }
      step({ type: 'kicked', reason: 'usersig-expired' })
    }
    expect(state.rejected.length).toBeLessThanOrEqual(8)
    expect(state.rejected).toContain(sig)
  })
})
