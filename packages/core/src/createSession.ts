import { createStore } from 'zustand/vanilla'
import { askFetcher } from './controller/askFetcher'
import { chatInstance } from './controller/chatInstance'
import { createDeadlineTimers } from './controller/deadlineTimers'
import { createEventQueue } from './controller/eventQueue'
import { createEventSource } from './controller/eventSource'
import { browserPageSignals } from './controller/pageSignals'
import { createPendingCalls } from './controller/pendingCalls'
import { broadcastTabLink, type TabLink } from './controller/tabLink'
import type { Effect, PendingCall } from './engine/effect'
import type { EngineEvent, TimerName } from './engine/engineEvent'
import { initialEngineState } from './engine/engineState'
import { isLoggedIn, targetOf } from './engine/step'
import { toSnapshot } from './engine/toSnapshot'
import { transition } from './engine/transition'
import type { Session, SessionOptions } from './session'
import { SessionError } from './sessionError'
import type { SessionTracing } from './sessionTrace'
import type { SessionEventMap, SessionSnapshot } from './types'

/**
 * Creates the session engine for one chat instance. This is wiring: the pure `transition` decides, the parts in
 * `controller/` run what it decided (fetches, SDK calls, timers, promises, events, page and tab signals).
 *
 * @example
 * const session = createSession({ chat: TencentCloudChat.create({ SDKAppID }), fetchUserSig })
 * session.store.subscribe((s) => console.log(s.status))
 * await session.login('alice')
 */
export function createSession(options: SessionOptions): Session {
  const {
    chat,
    fetchUserSig,
    sdkAppId,
    tabChannel = 'chat-session',
    pageSignals = browserPageSignals,
    now = Date.now,
    random = Math.random,
    ...tunables
  } = options
  const events = createEventSource<SessionEventMap>()
  const adapter = chatInstance(chat, (made) => events.emit('chat', { chat: made }))
  let state = initialEngineState({
    ...Object.fromEntries(Object.entries(tunables).filter(([, value]) => value !== undefined)),
    sdkAppId: sdkAppId ?? null,
    replaceable: typeof chat === 'function',
  })
  const store = createStore<SessionSnapshot>()(() => toSnapshot(state))
  const fetches = new Map<number, AbortController>()
  const calls = createPendingCalls()
  /** Set by `inspect`: tells `trace` listeners each step. */
  let traced: ReturnType<SessionTracing> | undefined
  const followTimers = createDeadlineTimers<TimerName>((timer) => dispatch({ type: 'timer', timer }))
  let link: TabLink | undefined
  /** What `start()` subscribed to: the SDK, the page. */
  const stops: (() => void)[] = []
  let started = false
  // Set by dispose() at once: it may be called from a store subscriber or an event handler, mid-step, and the
  // step's own effects (an SDK login, a fetch) must not start after it.
  let disposing = false

  const dispatch = createEventQueue<EngineEvent>((event) => {
    const env = { now: now(), random: random() }
    const result = transition(state, event, env)
    traced?.(event, result.effects, env.now, result.state.timers)
    state = result.state
    // Disposed: the store keeps what it showed last.
    if (state.phase.name !== 'disposed') publish(toSnapshot(state))
    for (const effect of result.effects) if (!disposing || !/^(fetch|sdk-)/.test(effect.type)) run(effect)
    // After dispose the state has no deadline left: this cancels every timer.
    followTimers(state.timers, env.now)
    link?.live(isLoggedIn(state) ? targetOf(state) : null)
  })

  /** Replaces the snapshot when a field changed: every field is a primitive or an object kept while unchanged. */
  function publish(next: SessionSnapshot): void {
    const shown = store.getState()
    if ((Object.keys(next) as (keyof SessionSnapshot)[]).some((key) => next[key] !== shown[key]))
      store.setState(next, true)
  }

  function run(effect: Effect) {
    switch (effect.type) {
      case 'fetch': {
        const { id, userID, reason } = effect
        const controller = new AbortController()
        const { signal } = controller
        fetches.set(id, controller)
        askFetcher(fetchUserSig, userID, { signal, reason }).then((answer) => {
          if (signal.aborted) return
          fetches.delete(id)
          dispatch({ type: 'fetched', id, ...answer })
        })
        return
      }
      case 'abort-fetch':
        fetches.get(effect.id)?.abort(new SessionError('superseded'))
        fetches.delete(effect.id)
        return
      case 'sdk-login': {
        const { id, userID } = effect
        const send = (liveElsewhere?: boolean) => {
          // Waited for another tab's login: sent only if it is still the one wanted.
          if (disposing || state.call?.id !== id) return
          if (effect.unlessLive && liveElsewhere) {
            dispatch({ type: 'live-elsewhere', id })
            return
          }
          link?.post({ type: 'signing-in', userID })
          return adapter
            .use()
            .login(userID, effect.userSig)
            .then(
              (result) => dispatch({ type: 'sdk-login', id, result }),
              (error: SessionError) => dispatch({ type: 'sdk-login', id, error }),
            )
        }
        if (link) link.exclusive(userID, send, state.config.loginTimeout)
        else send()
        return
      }
      case 'sdk-logout':
      case 'sdk-reset': {
        const { id } = effect
        ;(effect.type === 'sdk-reset' ? adapter.reset() : adapter.use().logout()).then(() =>
          dispatch({ type: 'sdk-logout', id }),
        )
        return
      }
      case 'settle':
        return calls.settle(effect.call, effect.error, effect.value)
      case 'tab-note':
        return link?.post(effect.note)
      case 'detach':
        for (const stop of stops) stop()
        adapter.close()
        link?.close()
        // The fetch in flight, if any, was aborted by the `abort-fetch` that dispose emits before this.
        events.clear()
        return
      case 'emit':
        return events.emit(effect.name, effect.payload)
      default:
        effect satisfies never
    }
  }

  const paused = () => state.goal.name === 'paused'

  function start(): void {
    if (started || state.phase.name === 'disposed') return
    started = true
    // The adapter's events are engine events; its `error` (guarded SDK calls made before ready) is the app's concern.
    adapter.listen((event) => {
      if (event.type !== 'error') dispatch(event)
    })
    stops.push(
      // A UserSig due for refresh during the night is fetched on wake, not after the expiry kick.
      pageSignals({
        online: () => dispatch({ type: 'online' }),
        visible: () => followTimers(state.timers, now(), true),
        // Where the user is decides whether a login may take the session from another tab; a key press matters
        // only to a paused tab, so every other one is not an engine event.
        focus: (focused) => dispatch({ type: 'focus', focused }),
        engaged: () => paused() && dispatch({ type: 'engaged' }),
      }),
    )
    const open =
      typeof tabChannel === 'function'
        ? tabChannel
        : tabChannel !== false && typeof BroadcastChannel === 'function'
          ? broadcastTabLink(tabChannel)
          : undefined
    link = open?.((note) => dispatch({ type: 'tab', note: note.type, userID: note.userID }))
    // Mirror an SDK that is already signed in (e.g. the app logged in before creating the session).
    const { user, ready } = adapter.use().current()
    if (ready) dispatch({ type: 'ready', user })
  }

  /** The promise every caller of `call` shares (one login in flight, one promise), then the event. */
  function request<T>(call: PendingCall, event: EngineEvent, starts = true): Promise<T> {
    if (state.phase.name === 'disposed') return Promise.reject(new SessionError('disposed'))
    if (starts) start()
    const promise = calls.join<T>(call)
    dispatch(event)
    return promise
  }

  return {
    store,
    getSnapshot: store.getState,
    login: (userID) => request({ op: 'login', userID }, { type: 'login', userID }),
    logout: () => request({ op: 'logout' }, { type: 'logout' }),
    retry() {
      const user = targetOf(state) ?? state.lastUser
      return user === null
        ? Promise.reject(new SessionError('not-initialized'))
        : request({ op: 'login', userID: user }, { type: 'retry' })
    },
    refreshUserSig: () => request({ op: 'refresh' }, { type: 'refresh' }, false),
    start,
    dispose() {
      disposing = true
      dispatch({ type: 'dispose' })
    },
    chat: adapter.chat,
    on: events.on,
    inspect(tracing) {
      traced ??= tracing((trace) => events.emit('trace', trace))
    },
  }
}
