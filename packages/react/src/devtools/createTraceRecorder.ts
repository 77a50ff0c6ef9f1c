import type { SessionTrace } from '@chat-session/core'
import { onTrace } from './onTrace'
import type { TraceSource } from './traceSource'

/** The traces of a session kept in memory (the newest `limit`), for `useSyncExternalStore`. */
export interface TraceRecorder {
  readonly traces: () => readonly SessionTrace[]
  readonly subscribe: (listener: () => void) => () => void
  readonly clear: () => void
  /** Stops recording. */
  readonly stop: () => void
}

/**
 * Turns `source`'s trace on and records it, keeping the newest `limit` traces (default 500).
 *
 * @example
 * const recorder = createTraceRecorder(session)
 * recorder.subscribe(() => console.log(recorder.traces().length))
 */
export function createTraceRecorder(source: TraceSource, limit = 500): TraceRecorder {
  let traces: readonly SessionTrace[] = []
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const listener of listeners) listener()
  }
  const stop = onTrace(source, (trace) => {
    traces = [...traces, trace].slice(-limit)
    changed()
  })
  return {
    traces: () => traces,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    clear() {
      traces = []
      changed()
    },
    stop,
  }
}
