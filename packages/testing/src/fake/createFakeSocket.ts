import { CHAT_ERROR_CODE } from '@chat-session/core/engine'
import type { NetState } from './chatTypes'
import { FakeChatError } from './fakeChatError'
import type { FakeRequestKind, FaultSwitch } from './fakeServiceFault'

const OUTAGE_RETRY_MS = 3_500
// The SDK counts a socket that closes within 1 s of opening as a failed connect (SocketHandler onClose).
const FAILED_CONNECT_MS = 1_000

/** The fake client's socket: its timers, its round trips, its requests, and the network controls. */
export interface FakeSocket {
  net(): NetState
  setLatency(ms: number): void
  /** Runs `fn` after `ms`; returns the cancel function. Every such timer is cleared by `close()`. */
  after(ms: number, fn: () => void): () => void
  /** One network round trip: a timer when there is latency, else a microtask (fake timers need no nudge). */
  roundTrip(fn: () => void): void
  /** A request over the socket: waits for `connected`, answered by `serve` a round trip later, or times out. */
  request<T>(
    timeoutMs: number,
    serve: () => T | Promise<T>,
    neverAnswered?: boolean,
    kind?: FakeRequestKind,
  ): Promise<T>
  /** The SDK recycles its socket (REST kick, expiry, a 70001 login): connecting, then connected. */
  reconnect(): void
  /** The network controls behind `fake.setNet`, `fake.drop` and `fake.outage`. */
  setNet(state: NetState): void
  drop(): void
  outage(ms: number): void
  /** For destroy(): no timer left, no request waiting. */
  close(): void
}

/**
 * Creates the socket of one fake client. `emit` reports each net state change (the SDK's NET_STATE_CHANGE);
 * `destroyed()` says whether the client was destroyed, after which scheduled reconnects do nothing; `faults`
 * is the service's switch for requests it swallows (black-hole, hang-login).
 */
export function createFakeSocket(
  emit: (state: NetState) => void,
  initialLatency: number,
  destroyed: () => boolean,
  faults: FaultSwitch,
): FakeSocket {
  let latency = initialLatency
  checkLatency(latency)
  const timeouts = new Set<ReturnType<typeof setTimeout>>()
  // Requests made while the socket is down wait here, as the SDK's do, until connected or timed out.
  const waiting = new Set<() => void>()
  let net: NetState = 'connected'
  // The SDK opens its socket in create(); every reconnect opens a new one.
  let socketOpenedAt = Date.now()
  // Bumped by every network control, so a reconnect scheduled by an older one does not undo a newer one.
  let netGeneration = 0

  function after(ms: number, fn: () => void): () => void {
    const id = setTimeout(() => {
      timeouts.delete(id)
      fn()
    }, ms)
    timeouts.add(id)
    return () => {
      clearTimeout(id)
      timeouts.delete(id)
    }
  }

  /** One network round trip: a timer when there is latency, else a microtask (fake timers need no nudge). */
  function roundTrip(fn: () => void): void {
    if (latency > 0) after(latency, fn)
    else void Promise.resolve().then(fn)
  }

  /** A request over the socket: waits for `connected`, answered by `serve` a round trip later, or times out. */
  function request<T>(
    timeoutMs: number,
    serve: () => T | Promise<T>,
    neverAnswered = false,
    kind: FakeRequestKind = 'other',
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false
      const send = (): void => {
        waiting.delete(send)
        roundTrip(() => {
          if (settled) return
          if (faults.swallows(kind)) return faults.park(send)
          void Promise.resolve()
            .then(serve)
            .then(
              (value) => {
                if (settled) return
                settled = true
                cancelTimeout()
                resolve(value)
              },
              (error: unknown) => {
                if (settled) return
                settled = true
                cancelTimeout()
                reject(error)
              },
            )
        })
      }
      const cancelTimeout = after(timeoutMs, () => {
        settled = true
        waiting.delete(send)
        faults.unpark(send)
        reject(new FakeChatError(CHAT_ERROR_CODE.NETWORK_TIMEOUT, '', { headSeq: 0 }))
      })
      if (neverAnswered) return
      if (net === 'connected') send()
      else waiting.add(send)
    })
  }

  function setNet(state: NetState): void {
    if (state === net) return
    net = state
    if (state === 'connected') socketOpenedAt = Date.now()
    emit(state)
    if (state === 'connected') for (const send of [...waiting]) send()
  }

  /** What the SDK reports when the server closes its socket: a young socket is a failed connect. */
  function socketClosedState(): NetState {
    return Date.now() - socketOpenedAt < FAILED_CONNECT_MS ? 'disconnected' : 'connecting'
  }

  /**
   * The SDK recycles its socket after a REST kick, an expiry or a 70001 login: connecting, connected (its
   * forced reconnect says `connecting` whatever the socket's age).
   */
  function reconnect(): void {
    const generation = ++netGeneration
    setNet('connecting')
    roundTrip(() => {
      if (generation === netGeneration && !destroyed()) setNet('connected')
    })
  }

  return {
    net: () => net,
    setLatency(ms) {
      checkLatency(ms)
      latency = ms
    },
    after,
    roundTrip,
    request,
    reconnect,
    setNet(state) {
      if (destroyed()) return
      netGeneration += 1
      setNet(state)
    },
    drop() {
      if (destroyed()) return
      const generation = ++netGeneration
      setNet(socketClosedState())
      roundTrip(() => {
        if (generation === netGeneration && !destroyed()) setNet('connected')
      })
    },
    outage(ms) {
      if (destroyed()) return
      const generation = ++netGeneration
      const current = () => generation === netGeneration && !destroyed()
      const endsAt = Date.now() + ms
      // One reconnect attempt: `connecting`, refused a round trip later while the outage lasts.
      const attempt = (): void => {
        setNet('connecting')
        roundTrip(() => {
          if (current() && Date.now() < endsAt) setNet('disconnected')
        })
      }
      if (socketClosedState() === 'disconnected') setNet('disconnected')
      else attempt()
      for (let at = OUTAGE_RETRY_MS; at < ms; at += OUTAGE_RETRY_MS) {
        after(at, () => {
          if (current()) attempt()
        })
      }
      after(ms, () => {
        if (current()) roundTrip(() => current() && setNet('connected'))
      })
    },
    close() {
      for (const id of timeouts) clearTimeout(id)
      timeouts.clear()
      waiting.clear()
    },
  }
}

/** Rejects a latency that is not a non-negative number of ms. */
export function checkLatency(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new TypeError('latency must be a non-negative number of ms')
}
