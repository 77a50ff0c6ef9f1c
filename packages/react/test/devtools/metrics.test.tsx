import { SessionError } from '@chat-session/core'
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { observeSessionMetrics, type SessionMetric, useSessionMetrics } from '../../src/devtools/index'
import { playSignIn, traceDouble, withDouble } from './_traceDouble'

function observe() {
  const t = traceDouble()
  const metrics: SessionMetric[] = []
  const stop = observeSessionMetrics(t.session, (m) => metrics.push(m))
  return { t, metrics, stop }
}

describe('observeSessionMetrics (from the public trace)', () => {
  it('reports the time to ready and each fetch with its reason, on the session clock', () => {
    const { t, metrics } = observe()
    playSignIn(t)
    expect(metrics).toEqual([
      { name: 'fetch-latency', ms: 120, reason: 'login', outcome: 'ok' },
      { name: 'time-to-ready', ms: 150, userID: 'alice' },
    ])
  })

  it('measures the refresh gap from the expiry to signed in again, and counts the expiry kick', () => {
    const { t, metrics } = observe()
    playSignIn(t)
    metrics.length = 0
    t.input({ type: 'kicked', reason: 'usersig-expired' })
    t.output({ type: 'emit', name: 'sig-expired', payload: { userID: 'alice' } })
    t.output({ type: 'fetch', id: 5, userID: 'alice', reason: 'expired' })
    t.wait(200)
    t.input({ type: 'fetched', id: 5, expiresAt: null })
    t.wait(50)
    t.output({ type: 'emit', name: 'logged-in', payload: { userID: 'alice' } })
    expect(metrics).toEqual([
      { name: 'kick', reason: 'usersig-expired' },
      { name: 'fetch-latency', ms: 200, reason: 'expired', outcome: 'ok' },
      { name: 'refresh-gap', ms: 250 },
    ])
  })

  it('measures an outage from the first drop to connected, however many states in between', () => {
    const { t, metrics } = observe()
    t.input({ type: 'net', net: 'connecting' })
    t.wait(1000)
    t.input({ type: 'net', net: 'disconnected' })
    t.wait(500)
    t.input({ type: 'net', net: 'connected' })
    t.input({ type: 'net', net: 'connected' })
    expect(metrics).toEqual([{ name: 'outage', ms: 1500 }])
  })

  it('counts failures by kind and step, leaves superseded calls out, and times aborted fetches', () => {
    const { t, metrics } = observe()
    t.output({ type: 'fetch', id: 1, userID: 'alice', reason: 'login' })
    t.input({ type: 'fetched', id: 1, error: new SessionError('network') })
    t.input({ type: 'sdk-login', id: 2, error: new SessionError('sig-invalid', 70003) })
    t.input({ type: 'sdk-login', id: 3, error: new SessionError('superseded') })
    t.output({ type: 'fetch', id: 4, userID: 'alice', reason: 'retry' })
    t.wait(10)
    t.output({ type: 'abort-fetch', id: 4 })
    expect(metrics).toEqual([
      { name: 'fetch-latency', ms: 0, reason: 'login', outcome: 'error' },
      { name: 'failure', step: 'fetch', kind: 'network' },
      { name: 'failure', step: 'sdk-login', kind: 'sig-invalid' },
      { name: 'fetch-latency', ms: 10, reason: 'retry', outcome: 'aborted' },
    ])
  })

  it('a logout forgets a sign-in in progress: no time to ready for it', () => {
    const { t, metrics } = observe()
    t.input({ type: 'login', userID: 'alice' })
    t.input({ type: 'logout' })
    t.output({ type: 'emit', name: 'logged-in', payload: { userID: 'bob' } })
    expect(metrics).toEqual([])
  })

  it('turns the session trace on', () => {
    const { t } = observe()
    expect(t.inspected()).toBe(1)
  })

  it('stops when asked', () => {
    const { t, metrics, stop } = observe()
    stop()
    expect(t.listeners()).toBe(0)
    playSignIn(t)
    expect(metrics).toEqual([])
  })
})

describe('useSessionMetrics', () => {
  it('folds the metrics (durations, kicks by reason, failures by kind) and hands each to onMetric', () => {
    const t = traceDouble()
    const onMetric = vi.fn()
    const { result } = renderHook(() => useSessionMetrics(onMetric), { wrapper: withDouble(t) })
    act(() => {
      playSignIn(t)
      t.input({ type: 'kicked', reason: 'multi-device' })
      t.input({ type: 'kicked', reason: 'multi-device' })
      t.input({ type: 'fetched', id: 9, error: new SessionError('forbidden') })
    })
    expect(result.current.durations['time-to-ready']).toEqual({ count: 1, last: 150, max: 150, total: 150 })
    expect(result.current.durations['fetch-latency'].count).toBe(1)
    expect(result.current.durations.outage.count).toBe(0)
    expect(result.current.kicks).toEqual({ 'multi-device': 2 })
    expect(result.current.failures).toEqual({ forbidden: 1 })
    expect(onMetric).toHaveBeenCalledTimes(5)
  })

  it('unsubscribes on unmount', () => {
    const t = traceDouble()
    const { unmount } = renderHook(() => useSessionMetrics(), { wrapper: withDouble(t) })
    expect(t.listeners()).toBe(1)
    unmount()
    expect(t.listeners()).toBe(0)
  })
})
