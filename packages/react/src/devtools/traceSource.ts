import type { SessionTrace, SessionTracing } from '@chat-session/core'

/**
 * What devtools and metrics read: a session (`on('trace', …)`, and `inspect` to turn the trace on), or anything
 * with the same `on`, such as a replay of recorded traces.
 *
 * @example
 * const source: TraceSource = session
 * const stop = onTrace(source, (t) => console.debug(t.kind, t.at))
 */
export interface TraceSource {
  on(type: 'trace', handler: (trace: SessionTrace) => void): () => void
  inspect?(tracing: SessionTracing): void
}
