import type { Session } from '@chat-session/core'
import type { TraceSource } from './sessionTrace'

/**
 * The session seen as a trace source. A session emits `trace` events (see `SessionTrace`); the view only narrows
 * the type of `on` to that one event.
 *
 * @example
 * traceSourceOf(session).on('trace', (t) => console.debug(t))
 */
export function traceSourceOf(session: Session): TraceSource {
  return session as unknown as TraceSource
}
