/** Subscribers per event type, for `session.on`. */
export function createEventSource<M extends Record<string, unknown>>() {
  const listeners = new Map<keyof M, Set<(payload: never) => void>>()
  return {
    on<K extends keyof M>(type: K, handler: (payload: M[K]) => void): () => void {
      const set = listeners.get(type) ?? new Set()
      listeners.set(type, set.add(handler as (payload: never) => void))
      return () => {
        set.delete(handler as (payload: never) => void)
      }
    },
    emit<K extends keyof M>(type: K, payload: M[K]): void {
      for (const handler of listeners.get(type) ?? []) {
        try {
          ;(handler as (payload: M[K]) => void)(payload)
        } catch (error) {
          // A throwing app handler must not break the engine; surface it without swallowing it.
          queueMicrotask(() => {
            throw error
          })
        }
      }
    },
    clear: () => listeners.clear(),
  }
}
