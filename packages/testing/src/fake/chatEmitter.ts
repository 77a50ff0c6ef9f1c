import type { ChatEvent, ChatEventHandler } from './chatEvent'

interface Listener {
  readonly handler: ChatEventHandler
  readonly context: unknown
}

/** The SDK's EventEmitter3 plus its "safety callback" wrapper, reduced to what the fake needs. */
export interface ChatEmitter {
  on(name: string, handler: ChatEventHandler, context?: unknown): void
  off(name: string, handler: ChatEventHandler, context?: unknown): void
  emit(name: string, data?: unknown): void
  count(): number
  clear(): void
  /** Exceptions thrown by handlers, oldest first: the SDK swallows them, tests may want to see them. */
  readonly handlerErrors: unknown[]
}

/**
 * Listeners get `{name, data}`; a handler that throws does not stop the others or reach the caller.
 * Registering the same handler twice makes it fire twice, and one `off` removes every copy
 * (EventEmitter3's rule: without a context, `off` matches the handler alone).
 */
export function createChatEmitter(): ChatEmitter {
  const listeners = new Map<string, Listener[]>()
  const handlerErrors: unknown[] = []
  return {
    handlerErrors,
    on(name, handler, context) {
      // EventEmitter3 throws this for a non-function; the SDK's wrapper passes null through to it.
      if (typeof name !== 'string' || name.length === 0 || typeof handler !== 'function') {
        throw new TypeError('The listener must be a function')
      }
      listeners.set(name, [...(listeners.get(name) ?? []), { handler, context }])
    },
    off(name, handler, context) {
      const list = listeners.get(name)
      if (!list) return
      const kept = list.filter(
        (l) => l.handler !== handler || (context !== undefined && l.context !== context),
      )
      if (kept.length === 0) listeners.delete(name)
      else listeners.set(name, kept)
    },
    emit(name, data) {
      const event: ChatEvent = { name, data }
      // The array is replaced, never mutated, so handlers that call on/off mid-emit do not disturb this loop.
      for (const l of listeners.get(name) ?? []) {
        try {
          // The SDK's wrapper applies the handler to the context given to on(), undefined when none was.
          l.handler.call(l.context, event)
        } catch (error) {
          handlerErrors.push(error)
        }
      }
    },
    count() {
      let n = 0
      for (const list of listeners.values()) n += list.length
      return n
    },
    clear() {
      listeners.clear()
    },
  }
}
