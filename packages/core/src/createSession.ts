import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Effect } from './effect'
import type { EngineEvent, TimerName } from './engineEvent'
import { type EngineConfig, type EngineState, initialEngineState } from './engineState'
import { type ChatAdapter, type ChatLike, fromTencentChat } from './fromTencentChat'
import { normalizeUserSig } from './normalizeUserSig'
import { SessionError } from './sessionError'
import { sameSnapshot, toSnapshot } from './toSnapshot'
import { transition } from './transition'
import type { FetchUserSig, SessionEventMap, SessionEventType, SessionSnapshot } from './types'
import { validateUserID } from './validateUserID'

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

interface Deferred<T = void> {
  readonly promise: Promise<T>
  resolve(value: T): void
  reject(error: SessionError): void
}

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
  const adapter: ChatAdapter = isAdapter(chat) ? chat : fromTencentChat(chat)
  let state: EngineState = initialEngineState({ ...definedOnly(tunables), sdkAppId: sdkAppId ?? null })
  const store = createStore<SessionSnapshot>()(() => toSnapshot(state))
  const timers = new Map<TimerName, ReturnType<typeof setTimeout>>()
  const fetches = new Map<number, AbortController>()
  const logins = new Map<string, Deferred>()
  let logouts: Deferred | null = null
  let refreshes: Deferred<{ userID: string; expiresAt: number | null }> | null = null
  const listeners = new Map<SessionEventType, Set<(payload: never) => void>>()
  let unsubscribe: (() => void) | null = null
  let channel: BroadcastChannel | null = null
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
      for (let e = queue.shift(); e !== undefined; e = queue.shift()) {
        if (state.disposed) {
          queue.length = 0
          break
        }
        const result = transition(state, e, { now: now(), random: random() })
        state = result.state
        const snapshot = toSnapshot(state)
        if (!sameSnapshot(store.getState(), snapshot)) store.setState(snapshot, true)
        for (const effect of result.effects) run(effect)
      }
    } finally {
      draining = false
    }
  }

  function run(effect: Effect): void {
    switch (effect.type) {
      case 'fetch':
        runFetch(effect.id, effect.userID, effect.reason)
        return
      case 'abort-fetch':
        fetches.get(effect.id)?.abort(new SessionError('superseded'))
        fetches.delete(effect.id)
        return
      case 'sdk-login': {
        const { id } = effect
        channel?.postMessage({ type: 'signing-in', userID: effect.userID })
        adapter.login(effect.userID, effect.userSig).then(
          (r) =>
            dispatch({ type: 'sdk-login-succeeded', id, repeat: r.repeat, user: r.user, ready: r.ready }),
          (error: SessionError) => dispatch({ type: 'sdk-login-failed', id, error }),
        )
        return
      }
      case 'sdk-logout': {
        const { id } = effect
        adapter.logout().then(() => dispatch({ type: 'sdk-logout-settled', id }))
        return
      }
      case 'start-timer': {
        clearTimeout(timers.get(effect.timer))
        const { timer } = effect
        timers.set(
          timer,
          setTimeout(() => {
            timers.delete(timer)
            dispatch({ type: 'timer', timer })
          }, effect.ms),
        )
        return
      }
      case 'stop-timer':
        clearTimeout(timers.get(effect.timer))
        timers.delete(effect.timer)
        return
      case 'resolve-login':
        logins.get(effect.userID)?.resolve()
        logins.delete(effect.userID)
        return
      case 'reject-login':
        for (const [userID, deferred] of logins) {
          if (effect.userID === null || effect.userID === userID) {
            deferred.reject(effect.error)
            logins.delete(userID)
          }
        }
        return
      case 'resolve-logout':
        logouts?.resolve()
        logouts = null
        return
      case 'reject-logout':
        logouts?.reject(effect.error)
        logouts = null
        return
      case 'resolve-refresh':
        refreshes?.resolve({ userID: effect.userID, expiresAt: effect.expiresAt })
        refreshes = null
        return
      case 'reject-refresh':
        refreshes?.reject(effect.error)
        refreshes = null
        return
      case 'detach':
        unsubscribe?.()
        unsubscribe = null
        channel?.close()
        channel = null
        for (const handle of timers.values()) clearTimeout(handle)
        timers.clear()
        for (const controller of fetches.values()) controller.abort()
        fetches.clear()
        listeners.clear()
        return
      case 'emit': {
        const { payload } = effect
        for (const handler of listeners.get(effect.name) ?? []) {
          try {
            ;(handler as (payload: unknown) => void)(payload)
          } catch (error) {
            // A throwing app handler must not break the engine; surface it without swallowing it.
            queueMicrotask(() => {
              throw error
            })
          }
        }
        return
      }
      default:
        effect satisfies never
    }
  }

  function runFetch(id: number, userID: string, reason: Extract<Effect, { type: 'fetch' }>['reason']): void {
    const controller = new AbortController()
    fetches.set(id, controller)
    const { signal } = controller
    Promise.resolve()
      .then(() => fetchUserSig(userID, { signal, reason }))
      .then(normalizeUserSig)
      .then(
        (sig) => {
          if (signal.aborted) return
          fetches.delete(id)
          dispatch({ type: 'fetch-succeeded', id, ...sig })
        },
        (cause: unknown) => {
          if (signal.aborted) return
          fetches.delete(id)
          const error =
            cause instanceof SessionError
              ? cause
              : new SessionError('fetcher-failed', undefined, undefined, cause)
          dispatch({ type: 'fetch-failed', id, error })
        },
      )
  }

  function start(): void {
    if (started || state.disposed) return
    started = true
    unsubscribe = adapter.subscribe((event) => {
      switch (event.type) {
        case 'ready':
          return dispatch({ type: 'sdk-ready', user: event.user })
        case 'not-ready':
          return dispatch({ type: 'sdk-not-ready' })
        case 'kicked':
          return dispatch({ type: 'sdk-kicked', reason: event.reason })
        case 'net':
          return dispatch({ type: 'sdk-net', net: event.net })
        case 'error':
          // Guarded SDK calls made before ready: the app's concern, not a session change.
          return
        default:
          return event satisfies never
      }
    })
    if (tabChannel !== false && typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(tabChannel)
      channel.onmessage = (event: MessageEvent<unknown>) => {
        const data = event.data as { type?: unknown; userID?: unknown } | null
        if (data?.type === 'signing-in' && typeof data.userID === 'string') {
          dispatch({ type: 'tab-takeover', userID: data.userID })
        }
      }
    }
    dispatch({ type: 'start', ...adapter.current() })
  }

  function deferred<T = void>(): Deferred<T> {
    let resolve!: (value: T) => void
    let reject!: (error: SessionError) => void
    const promise = new Promise<T>((res, rej) => {
      resolve = res
      reject = rej
    })
    return { promise, resolve, reject }
  }

  /** The promise every caller waiting on `userID` shares (one login in flight, one promise). */
  function loginFor(userID: string, event: EngineEvent): Promise<void> {
    if (state.disposed) return Promise.reject(new SessionError('disposed'))
    start()
    let pending = logins.get(userID)
    if (!pending) {
      pending = deferred()
      logins.set(userID, pending)
    }
    const { promise } = pending
    dispatch(event)
    return promise
  }

  function login(userID: string): Promise<void> {
    const invalid = validateUserID(userID)
    return invalid ? Promise.reject(invalid) : loginFor(userID, { type: 'login', userID })
  }

  function retry(): Promise<void> {
    const user = state.target ?? state.lastUser
    return user === null
      ? Promise.reject(new SessionError('not-initialized'))
      : loginFor(user, { type: 'retry' })
  }

  function logout(): Promise<void> {
    if (state.disposed) return Promise.reject(new SessionError('disposed'))
    start()
    logouts ??= deferred()
    const { promise } = logouts
    dispatch({ type: 'logout' })
    return promise
  }

  function refreshUserSig(): Promise<{ userID: string; expiresAt: number | null }> {
    if (state.disposed) return Promise.reject(new SessionError('disposed'))
    refreshes ??= deferred()
    const { promise } = refreshes
    dispatch({ type: 'refresh-sig' })
    return promise
  }

  return {
    store,
    refreshUserSig,
    getSnapshot: () => store.getState(),
    login,
    logout,
    retry,
    start,
    dispose: () => dispatch({ type: 'dispose' }),
    on(type, handler) {
      let set = listeners.get(type)
      if (!set) {
        set = new Set()
        listeners.set(type, set)
      }
      const entry = handler as (payload: never) => void
      set.add(entry)
      return () => {
        listeners.get(type)?.delete(entry)
      }
    },
  }
}

function isAdapter(chat: ChatLike | ChatAdapter): chat is ChatAdapter {
  return (
    typeof (chat as ChatAdapter).subscribe === 'function' &&
    typeof (chat as ChatAdapter).current === 'function'
  )
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
