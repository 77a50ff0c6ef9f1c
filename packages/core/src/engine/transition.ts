import { advance } from './advance'
import type { Effect } from './effect'
import type { EngineEnv, EngineEvent, TimerName } from './engineEvent'
import type { EngineState } from './engineState'
import { onKicked } from './onKick'
import {
  onDispose,
  onLogin,
  onLoginDue,
  onLogout,
  onNotReady,
  onReady,
  onRetry,
  onSdkLogin,
  onSdkLogout,
} from './onLogin'
import { onNet, onNetLostDue, onOnline } from './onNet'
import { onFetched, onFetchTimeout, onPrefetchDue, onRefresh } from './onSig'
import { onStuckDue } from './onStuck'
import { onFocus, onLiveElsewhere, onTab, takeOver } from './onTab'
import type { Step } from './step'

/** What one `transition` step returns: the next state and the effects for the controller to run, in order. */
export interface TransitionResult {
  readonly state: EngineState
  readonly effects: readonly Effect[]
}

/**
 * The session engine: a pure function of the state, one event and the clock. It runs no effect; it returns them
 * as data for the controller. The event's handler (grouped by concern in the `on…` files) updates a private copy
 * of the state; then {@link advance}, the one reconcile step, moves the SDK towards what the app wants.
 * `handlers` and `timers` below are the whole table of what happens on which event.
 *
 * @example
 * const { state, effects } = transition(initialEngineState(), { type: 'login', userID: 'alice' }, { now: Date.now(), random: 0.5 })
 * // effects: [{ type: 'fetch', userID: 'alice', reason: 'login', ... }]; state.timers.fetch: the fetch deadline
 */
export function transition(state: EngineState, event: EngineEvent, env: EngineEnv): TransitionResult {
  if (state.phase.name === 'disposed') return { state, effects: [] }
  const s: Step = { ...state, timers: { ...state.timers }, effects: [], ...env }
  ;(handlers[event.type] as (s: Step, event: EngineEvent) => void)(s, event)
  if (event.type !== 'dispose') advance(s, state)
  const { effects, now, random, ...next } = s
  return { state: next, effects }
}

/** Each event's handler: a key per event type, so a new event without one does not compile. */
const handlers: { [K in EngineEvent['type']]: (s: Step, event: Extract<EngineEvent, { type: K }>) => void } =
  {
    login: onLogin,
    retry: onRetry,
    logout: onLogout,
    dispose: onDispose,
    'sdk-login': onSdkLogin,
    'sdk-logout': onSdkLogout,
    ready: onReady,
    'not-ready': onNotReady,
    refresh: onRefresh,
    fetched: onFetched,
    kicked: onKicked,
    net: onNet,
    online: onOnline,
    tab: onTab,
    focus: onFocus,
    'live-elsewhere': onLiveElsewhere,
    engaged: takeOver,
    timer(s, { timer }) {
      // The timer has fired: its deadline is gone unless its handler sets a new one.
      delete s.timers[timer]
      timers[timer](s)
    },
  }

const timers: { [K in TimerName]: (s: Step) => void } = {
  backoff() {},
  net: onNetLostDue,
  fetch: onFetchTimeout,
  login: onLoginDue,
  prefetch: onPrefetchDue,
  takeover: takeOver,
  stuck: onStuckDue,
}
