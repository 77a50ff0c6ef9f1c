import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Effect } from './effect'
import type { EngineEvent, TimerName } from './engineEvent'
import { type EngineConfig, initialEngineState } from './engineState'
import { type ChatAdapter, type ChatLike, fromTencentChat } from './fromTencentChat'
import { normalizeUserSig } from './normalizeUserSig'
import { SessionError } from './sessionError'
import { toSnapshot } from './toSnapshot'
import { transition } from './transition'
import type { FetchUserSig, SessionEventMap, SessionEventType, SessionSnapshot } from './types'

/**
 * What `createSession` needs: the SDK instance and the UserSig fetcher; the rest are tunables with defaults.
 *
 * @example
 * createSession({ chat, fetchUserSig, sdkAppId: 1400000000, loginTimeout: 20_000, tabChannel: false })
 */
export interface SessionOptions extends Partial<Omit<EngineConfig, 'sdkAppId'>> {
  /** A `@tencentcloud/chat` instance (or anything with the same session surface), or a ready-made adapter. */
  readonly chat: ChatLike | ChatAdapter
  readonly fetchUserSig: FetchUserSig
  /** When given, UserSigs for another app are refused before login (the server would answer 70014). */
  readonly sdkAppId?: number | undefined
  /**
   * Name of the BroadcastChannel tabs of this app use to tell each other they are signing in, so a
   * multi-account kick caused by this browser's own other tab can say so. `false` turns it off.
   * Default `'chat-session'`. Without BroadcastChannel the kick keeps its plain reason.
   */
  readonly tabChannel?: string | false | undefined
  /** Clock and randomness, injectable for tests and simulations. */
  readonly now?: () => number
  readonly random?: () => number
}

/**
 * A login session: the store the UI reads and the calls that drive it.
 * Nothing touches the SDK until `start()`, `login()`, `logout()` or `retry()`.
 */
export interface Session {
  /** zustand/vanilla store with the public snapshot. */
  readonly store: StoreApi<SessionSnapshot>
  getSnapshot(): SessionSnapshot
  /**
   * Signs in. Concurrent calls for the same user share one promise, one fetch and one SDK call.
   * Resolves once the SDK is ready; rejects with a `SessionError`.
   */
  login(userID: string): Promise<void>
  /** Signs out (no SDK call when already signed out). Cancels a login in flight. */
  logout(): Promise<void>
  /** Tries again now: after an error or a kick, or to skip a backoff wait. */
  retry(): Promise<void>
  /**
   * Fetches a fresh UserSig for the signed-in user now and keeps it (memory only) for the next expiry,
   * so the re-login then needs no fetch. The SDK has no way to swap the sig of a live session.
   */
  refreshUserSig(): Promise<{ userID: string; expiresAt: number | null }>
  /** Starts mirroring the SDK (listeners on). Idempotent; the calls above start it too. */
  start(): void
  /** Detaches everything: no listener, timer or state change afterwards. Pending calls reject `disposed`. */
  dispose(): void
  /** Subscribes to session events; returns the unsubscribe function. */
  on<K extends SessionEventType>(type: K, handler: (payload: SessionEventMap[K]) => void): () => void
}

interface Pending {
  readonly promise: Promise<never>
  resolve(value: unknown): void
  reject(error: SessionError): void
}

/** setTimeout fires at once for delays above 2^31 - 1 ms; longer waits fire early and are re-armed. */
const MAX_DELAY = 2_147_483_647

/**
 * Creates the session engine for one chat instance.
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
    now = Date.now,
    random = Math.random,
    ...tunables
  } = options
  const adapter =
    typeof (chat as ChatAdapter).subscribe === 'function' &&
    typeof (chat as ChatAdapter).current === 'function'
      ? (chat as ChatAdapter)
      : fromTencentChat(chat as ChatLike)
  let state = initialEngineState({
    ...Object.fromEntries(Object.entries(tunables).filter(([, value]) => value !== undefined)),
    sdkAppId: sdkAppId ?? null,
  })
  const store = createStore<SessionSnapshot>()(() => toSnapshot(state))
  /** The running timers, each with the deadline it was set for. */
  const armed: { [K in TimerName]?: { at: number; handle: ReturnType<typeof setTimeout> } } = {}
  const fetches = new Map<number, AbortController>()
  /** Promises of calls in flight, by the key `settle` effects name. */
  const pending = new Map<string, Pending>()
  const listeners = new Map<SessionEventType, Set<(payload: never) => void>>()
  let unsubscribe: (() => void) | undefined
  let channel: BroadcastChannel | undefined
  /** Aborted on dispose: removes every listener the session put on the page. */
  const pageListeners = new AbortController()
  let started = false
  const queue: EngineEvent[] = []
  let draining = false

  function dispatch(event: EngineEvent): void {
    queue.push(event)
    // SDK events fire synchronously inside SDK calls the effects make: queue them so each transition sees
    // the state the previous one left, in order.
    if (draining) return
    draining = true
    try {
      for (let e = queue.shift(); e; e = queue.shift()) {
        const env = { now: now(), random: random() }
        const result = transition(state, e, env)
        state = result.state
        const next = toSnapshot(state)
        const shown = store.getState()
        if (
          (Object.keys(next) as (keyof SessionSnapshot)[]).some((key) =>
            key === 'sig' ? next.sig?.expiresAt !== shown.sig?.expiresAt : next[key] !== shown[key],
          )
        )
          store.setState(next, true)
        for (const effect of result.effects) run(effect)
        arm(env.now)
      }
    } finally {
      draining = false
    }
  }

  /** Follows the deadlines in the state: (re)schedules the timers whose deadline changed, or all of them. */
  function arm(at: number, all = false): void {
    for (const timer of Object.keys({ ...armed, ...state.timers }) as TimerName[]) {
      const deadline = state.timers[timer]
      const current = armed[timer]
      if (deadline === current?.at && !all) continue
      clearTimeout(current?.handle)
      delete armed[timer]
      if (deadline !== undefined) {
        const handle = setTimeout(
          () => {
            delete armed[timer]
            dispatch({ type: 'timer', timer })
          },
          Math.min(Math.max(deadline - at, 0), MAX_DELAY),
        )
        armed[timer] = { at: deadline, handle }
      }
    }
  }

  function run(effect: Effect): void {
    switch (effect.type) {
      case 'fetch': {
        const { id, userID, reason } = effect
        const controller = new AbortController()
        const { signal } = controller
        fetches.set(id, controller)
        Promise.resolve()
          .then(() => fetchUserSig(userID, { signal, reason }))
          .then(normalizeUserSig)
          .then(
            (sig) => ({ sig }),
            (cause: unknown) => ({
              error:
                cause instanceof SessionError
                  ? cause
                  : new SessionError('fetcher-failed', undefined, undefined, cause),
            }),
          )
          .then((answer) => {
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
        const { id } = effect
        channel?.postMessage({ type: 'signing-in', userID: effect.userID })
        adapter.login(effect.userID, effect.userSig).then(
          (result) => dispatch({ type: 'sdk-login', id, result }),
          (error: SessionError) => dispatch({ type: 'sdk-login', id, error }),
        )
        return
      }
      case 'sdk-logout': {
        const { id } = effect
        adapter.logout().then(() => dispatch({ type: 'sdk-logout', id }))
        return
      }
      case 'settle':
        for (const [key, call] of pending) {
          if (effect.promise === null || effect.promise === key) {
            pending.delete(key)
            if (effect.error) call.reject(effect.error)
            else call.resolve(effect.value)
          }
        }
        return
      case 'detach':
        unsubscribe?.()
        channel?.close()
        pageListeners.abort()
        // The fetch in flight, if any, was aborted by the `abort-fetch` that dispose emits before this.
        for (const timer of Object.values(armed)) clearTimeout(timer.handle)
        listeners.clear()
        return
      case 'emit':
        for (const handler of listeners.get(effect.name) ?? []) {
          try {
            ;(handler as (payload: unknown) => void)(effect.payload)
          } catch (error) {
            // A throwing app handler must not break the engine; surface it without swallowing it.
            queueMicrotask(() => {
              throw error
            })
          }
        }
        return
      default:
        effect satisfies never
    }
  }

  function start(): void {
    if (started || state.disposed) return
    started = true
    // The adapter's events are engine events; its `error` (guarded SDK calls made before ready) is the app's concern.
    unsubscribe = adapter.subscribe((event) => {
      if (event.type !== 'error') dispatch(event)
    })
    if (tabChannel !== false && typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(tabChannel)
      channel.onmessage = (event: MessageEvent<unknown>) => {
        const data = event.data as { type?: unknown; userID?: unknown } | null
        if (data?.type === 'signing-in' && typeof data.userID === 'string') {
          dispatch({ type: 'tab', userID: data.userID })
        }
      }
    }
    // Absent outside a browser page (SSR, Node, workers).
    const page = globalThis.document as Document | undefined
    const { signal } = pageListeners
    // Timers stand still while the machine sleeps and crawl in background tabs, but the deadlines are clock
    // times: when the page is seen again, every timer is re-armed from the clock and overdue ones fire at once
    // (so a UserSig due for refresh during the night is fetched on wake, not after the expiry kick).
    page?.addEventListener(
      'visibilitychange',
      () => {
        if (page.visibilityState === 'visible') arm(now(), true)
      },
      { signal },
    )
    ;(globalThis.window as Window | undefined)?.addEventListener(
      'online',
      () => dispatch({ type: 'online' }),
      { signal },
    )
    // Mirror an SDK that is already signed in (e.g. the app logged in before creating the session).
    const { user, ready } = adapter.current()
    if (ready) dispatch({ type: 'ready', user })
  }

  /** The promise every caller of `key` shares (one login in flight, one promise), then the event. */
  function request<T>(key: string, event: EngineEvent): Promise<T> {
    if (state.disposed) return Promise.reject(new SessionError('disposed'))
    let call = pending.get(key)
    if (!call) {
      let settle!: Omit<Pending, 'promise'>
      const promise = new Promise<never>((resolve, reject) => {
        settle = { resolve, reject }
      })
      call = { promise, ...settle }
      pending.set(key, call)
    }
    dispatch(event)
    return call.promise
  }

  function loginFor(userID: string, event: EngineEvent): Promise<void> {
    start()
    return request(`login:${userID}`, event)
  }

  return {
    store,
    getSnapshot: store.getState,
    login: (userID) => loginFor(userID, { type: 'login', userID }),
    logout() {
      start()
      return request('logout', { type: 'logout' })
    },
    retry() {
      const user = state.target ?? state.lastUser
      return user === null
        ? Promise.reject(new SessionError('not-initialized'))
        : loginFor(user, { type: 'retry' })
    },
    refreshUserSig: () => request('refresh', { type: 'refresh' }),
    start,
    dispose: () => dispatch({ type: 'dispose' }),
    on(type, handler) {
      const set = listeners.get(type) ?? new Set()
      listeners.set(type, set.add(handler as (payload: never) => void))
      return () => {
        set.delete(handler as (payload: never) => void)
      }
    },
  }
}
