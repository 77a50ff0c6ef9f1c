import { type Session, SessionError, type SessionSnapshot } from '@chat-session/core'
import { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type {
  SessionTrace,
  SessionTraceInput,
  SessionTraceOutput,
  SessionTraceTimer,
} from '../../src/devtools/index'
import { SessionContext } from '../../src/index'

/** A UserSig-shaped marker: it must never show up in the DOM or the copied diagnostics. */
export const MARKER_SIG =
  'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS84oyUzLBwoYmRgYWZmB*RkpmXkliSSpI2NDUyNTQ1MTAyMgSrjM1JzMvHaZwtasQCDXQYqw__'
export const MARKER_MESSAGE = 'fetcher said: secret-token-in-message'

const snapshot: SessionSnapshot = {
  status: 'logged-out',
  userID: null,
  net: 'connected',
  netLost: false,
  kicked: null,
  recovery: null,
  sig: null,
  refresh: 'idle',
  error: null,
}

/**
 * A session stand-in that emits the traces a test scripts, on a clock the test sets: the devtools read only
 * `store` and `on('trace')`, the public surface.
 */
export function traceDouble() {
  let state = snapshot
  const watchers = new Set<() => void>()
  const store = {
    getState: () => state,
    setState(patch: Partial<SessionSnapshot>) {
      state = { ...state, ...patch }
      for (const watcher of watchers) watcher()
    },
    subscribe(watcher: () => void) {
      watchers.add(watcher)
      return () => watchers.delete(watcher)
    },
  }
  const handlers = new Set<(trace: SessionTrace) => void>()
  let now = 1_000_000
  const send = (trace: SessionTrace) => {
    for (const handler of handlers) handler(trace)
  }
  let inspected = 0
  const session = {
    store,
    getSnapshot: store.getState,
    inspect() {
      inspected++
    },
    on(type: string, handler: (trace: SessionTrace) => void) {
      if (type !== 'trace') return () => {}
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
  } as unknown as Session
  return {
    session,
    store,
    listeners: () => handlers.size,
    /** How many times something turned the trace on. */
    inspected: () => inspected,
    now: () => now,
    /** Moves the double's clock on. */
    wait(ms: number) {
      now += ms
    },
    input: (input: SessionTraceInput) => send({ at: now, kind: 'input', input }),
    output: (output: SessionTraceOutput) => send({ at: now, kind: 'output', output }),
    timers: (timers: Partial<Record<SessionTraceTimer, number>>) => send({ at: now, kind: 'timers', timers }),
  }
}

export type TraceDouble = ReturnType<typeof traceDouble>

/** What a sign-in of alice looks like in the trace: the call, a 120 ms fetch, a 30 ms SDK login, ready. */
export function playSignIn(t: TraceDouble, userID = 'alice') {
  t.input({ type: 'login', userID })
  t.output({ type: 'fetch', id: 1, userID, reason: 'login' })
  t.wait(120)
  t.input({ type: 'fetched', id: 1, expiresAt: 2_000_000_000_000 })
  t.output({ type: 'sdk-login', id: 2, userID })
  t.wait(30)
  t.input({ type: 'sdk-login', id: 2, result: { repeat: false, user: userID, ready: false } })
  t.input({ type: 'ready', user: userID })
  t.output({ type: 'emit', name: 'logged-in', payload: { userID } })
  t.store.setState({ status: 'logged-in', userID, sig: { expiresAt: 2_000_000_000_000 } })
}

/** A failed fetch whose error carries the marker sig and message (as a careless fetcher's would). */
export function playLeakyFailure(t: TraceDouble) {
  t.output({ type: 'fetch', id: 3, userID: 'alice', reason: 'retry' })
  t.wait(40)
  const error = new SessionError(
    'fetcher-failed',
    undefined,
    undefined,
    new Error(`${MARKER_MESSAGE} ${MARKER_SIG}`),
  )
  Object.assign(error, { message: `${MARKER_MESSAGE} userSig=${MARKER_SIG}` })
  t.input({ type: 'fetched', id: 3, error })
  t.output({ type: 'emit', name: 'login-failed', payload: { userID: 'alice', error } })
  t.store.setState({ error })
}

export function withDouble(t: TraceDouble) {
  const queryClient = new QueryClient()
  return ({ children }: { children?: ReactNode }) => (
    <SessionContext.Provider value={{ session: t.session, queryClient }}>{children}</SessionContext.Provider>
  )
}
