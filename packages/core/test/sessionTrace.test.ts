import { describe, expect, it } from 'vitest'
import { type SessionTrace, traceSession } from '../src/index'
import { harness } from './_harness'
import { makeSig } from './_sig'

/** The trace of a session as `input type` / `output type` lines, and the raw entries. */
function traced(options: Parameters<typeof harness>[0] = {}) {
  const h = harness(options)
  const traces: SessionTrace[] = []
  h.session.inspect(traceSession)
  h.session.on('trace', (t) => traces.push(t))
  const lines = () =>
    traces.flatMap((t) =>
      t.kind === 'timers'
        ? []
        : t.kind === 'input'
          ? `in ${t.input.type}`
          : `out ${t.output.type}${t.output.type === 'emit' ? ` ${t.output.name}` : ''}`,
    )
  return { ...h, traces, lines }
}

describe("session.on('trace')", () => {
  it('is quiet until the session is inspected, and inspecting twice traces once', async () => {
    const h = harness()
    const traces: SessionTrace[] = []
    h.session.on('trace', (t) => traces.push(t))
    await h.session.login('alice')
    expect(traces).toHaveLength(0)
    h.session.inspect(traceSession)
    h.session.inspect(traceSession)
    await h.session.logout()
    expect(traces.filter((t) => t.kind === 'input' && t.input.type === 'logout')).toHaveLength(1)
  })

  it('tells a sign-in: the call, the fetch and its answer, the SDK login and its answer, ready, the event', async () => {
    const { session, lines, traces } = traced()
    await session.login('alice')
    expect(lines()).toEqual([
      'in login',
      'out fetch',
      'in fetched',
      'out sdk-login',
      'in sdk-login',
      'in ready',
      'out emit logged-in',
    ])
    const fetch = traces.find((t) => t.kind === 'output' && t.output.type === 'fetch')
    expect(fetch).toMatchObject({
      kind: 'output',
      output: { type: 'fetch', userID: 'alice', reason: 'login' },
    })
    expect(traces.every((t) => typeof t.at === 'number')).toBe(true)
  })

  it('never holds a UserSig: the answer keeps its expiry, the SDK login its user', async () => {
    const sigs: string[] = []
    const { session, traces } = traced({
      fetchUserSig: async (userID) => {
        const sig = makeSig(userID, 86_400 + sigs.length)
        sigs.push(sig)
        return sig
      },
    })
    await session.login('alice')
    await session.refreshUserSig()
    expect(sigs).toHaveLength(2)
    const json = JSON.stringify(traces)
    for (const sig of sigs) expect(json).not.toContain(sig)
    const answer = traces.find((t) => t.kind === 'input' && t.input.type === 'fetched')
    expect(answer).toMatchObject({ input: { type: 'fetched', expiresAt: expect.any(Number) } })
    expect(traces.find((t) => t.kind === 'output' && t.output.type === 'sdk-login')).toMatchObject({
      output: { type: 'sdk-login', userID: 'alice' },
    })
  })

  it("tells the timers' deadlines when they change: the fetch and login timeouts while signing in", async () => {
    const { session, traces } = traced()
    await session.login('alice')
    const timers = traces.flatMap((t) =>
      t.kind === 'timers' ? [Object.keys(t.timers).sort().join('+')] : [],
    )
    expect(timers.slice(0, 2)).toEqual(['fetch', 'login'])
    const first = traces.find((t) => t.kind === 'timers')
    expect(first?.kind === 'timers' && (first.timers.fetch ?? 0) > first.at).toBe(true)
  })

  it('tells kicks and net changes as the SDK reported them', async () => {
    const { session, chat, lines, traces } = traced()
    await session.login('alice')
    chat.fake.setNet('disconnected')
    chat.fake.setNet('connected')
    chat.fake.kick('multi-device')
    await expect.poll(() => lines()).toContain('out emit kicked')
    expect(traces).toContainEqual(expect.objectContaining({ input: { type: 'net', net: 'disconnected' } }))
    expect(traces).toContainEqual(
      expect.objectContaining({ input: { type: 'kicked', reason: 'multi-device' } }),
    )
  })

  it('stops with the other listeners on dispose', async () => {
    const { session, traces, lines } = traced()
    await session.login('alice')
    session.dispose()
    expect(lines().at(-1)).toBe('in dispose')
    const count = traces.length
    await session.login('alice').catch(() => {})
    expect(traces).toHaveLength(count)
  })
})
