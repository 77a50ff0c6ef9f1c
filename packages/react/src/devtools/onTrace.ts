import { type SessionTrace, traceSession } from '@chat-session/core'
import type { TraceSource } from './traceSource'

/**
 * Turns the session's trace on (`session.inspect(traceSession)`, once per session) and listens to it; returns
 * the function that stops listening. The tracing code comes with this entry, not with the session.
 *
 * @example
 * const stop = onTrace(session, (t) => {
 *   if (t.kind === 'output' && t.output.type === 'fetch') console.debug('UserSig fetch:', t.output.reason)
 * })
 */
export function onTrace(source: TraceSource, handler: (trace: SessionTrace) => void): () => void {
  source.inspect?.(traceSession)
  return source.on('trace', handler)
}
