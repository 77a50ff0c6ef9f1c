import type { TabNote } from './controller/tabLink'
import type { Effect } from './engine/effect'
import type { EngineEvent } from './engine/engineEvent'
import type { SessionError } from './sessionError'
import type { FetchUserSigReason, KickReason, NetState, SessionEventMap, SessionEventType } from './types'

/**
 * The engine's timers: login and fetch timeouts, the backoff wait, the net grace period, the proactive refresh,
 * a paused tab's wait before it takes the session back, the check for a login stuck offline.
 */
export type SessionTraceTimer = 'login' | 'fetch' | 'backoff' | 'net' | 'prefetch' | 'takeover' | 'stuck'

/**
 * What happened to the engine: the app's calls, the fetcher's and the SDK's answers, SDK events, timers, the
 * page and the other tabs. A fetcher's answer carries the sig's expiry only, never the sig.
 */
export type SessionTraceInput =
  | { readonly type: 'login'; readonly userID: string }
  | { readonly type: 'logout' | 'retry' | 'refresh' | 'dispose' | 'not-ready' | 'online' | 'engaged' }
  | { readonly type: 'focus'; readonly focused: boolean }
  | { readonly type: 'fetched'; readonly id: number; readonly expiresAt: number | null }
  | { readonly type: 'fetched'; readonly id: number; readonly error: SessionError }
  | {
      readonly type: 'sdk-login'
      readonly id: number
      readonly result: { readonly repeat: boolean; readonly user: string; readonly ready: boolean }
    }
  | { readonly type: 'sdk-login'; readonly id: number; readonly error: SessionError }
  | { readonly type: 'sdk-logout' | 'live-elsewhere'; readonly id: number }
  | { readonly type: 'ready'; readonly user: string }
  | { readonly type: 'kicked'; readonly reason: KickReason }
  | { readonly type: 'net'; readonly net: NetState }
  | { readonly type: 'tab'; readonly note: TabNote['type']; readonly userID: string }
  | { readonly type: 'timer'; readonly timer: SessionTraceTimer }

/** The public session events, not counting the trace itself. */
type PublicEvent = Exclude<SessionEventType, 'trace'>

/** A public session event as it was emitted (`session.on(name, …)`). */
export type SessionTraceEmit = {
  [K in PublicEvent]: { readonly type: 'emit'; readonly name: K; readonly payload: SessionEventMap[K] }
}[PublicEvent]

/** What the engine did about it: calls to the fetcher and the SDK (the UserSig left out), events it emitted. */
export type SessionTraceOutput =
  | {
      readonly type: 'fetch'
      readonly id: number
      readonly userID: string
      readonly reason: FetchUserSigReason
    }
  | { readonly type: 'abort-fetch' | 'sdk-logout' | 'sdk-reset'; readonly id: number }
  | { readonly type: 'sdk-login'; readonly id: number; readonly userID: string }
  | { readonly type: 'tab-note'; readonly note: TabNote }
  | SessionTraceEmit

/**
 * One entry of the session's trace (`session.on('trace', …)`), for devtools and metrics: an input the engine
 * handled or an output it produced, with the clock time (Unix ms, the session's `now`). Never holds a UserSig.
 *
 * @example
 * session.on('trace', (t) => {
 *   if (t.kind === 'output' && t.output.type === 'fetch') console.debug('fetching a UserSig for', t.output.reason)
 * })
 */
export type SessionTrace =
  | { readonly at: number; readonly kind: 'input'; readonly input: SessionTraceInput }
  | { readonly at: number; readonly kind: 'output'; readonly output: SessionTraceOutput }
  /** The timers' deadlines (Unix ms) after a step that changed them; a timer left out is not running. */
  | {
      readonly at: number
      readonly kind: 'timers'
      readonly timers: Readonly<Partial<Record<SessionTraceTimer, number>>>
    }

/**
 * What `session.inspect()` takes to emit `trace` events: {@link traceSession}. Opt-in, so an app that never
 * inspects a session carries none of its code.
 *
 * @example
 * const tracing: SessionTracing = traceSession
 * session.inspect(tracing)
 */
export type SessionTracing = (
  emit: (trace: SessionTrace) => void,
) => (
  event: EngineEvent,
  effects: readonly Effect[],
  at: number,
  timers: Readonly<Partial<Record<SessionTraceTimer, number>>>,
) => void
