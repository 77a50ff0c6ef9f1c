import type { FetchUserSigReason, SessionTrace } from '@chat-session/core'
import { onTrace } from './onTrace'
import type { SessionMetric } from './sessionMetric'
import type { TraceSource } from './traceSource'

/**
 * Turns the session's public trace into {@link SessionMetric}s as they happen; returns the function that
 * stops. Framework-free: feed an OpenTelemetry meter, analytics, or the console.
 *
 * @example
 * const stop = observeSessionMetrics(session, (m) => {
 *   if ('ms' in m) histogram.record(m.ms, { metric: m.name })
 * })
 */
export function observeSessionMetrics(
  source: TraceSource,
  onMetric: (metric: SessionMetric) => void,
): () => void {
  return onTrace(source, metricsFromTrace(onMetric))
}

/**
 * The stateful part of {@link observeSessionMetrics}: a trace listener that reports metrics, to feed recorded
 * traces (a diagnostics file) as well as a live session.
 *
 * @example
 * const feed = metricsFromTrace((m) => console.log(m))
 * for (const trace of report.traces) feed(trace)
 */
export function metricsFromTrace(onMetric: (metric: SessionMetric) => void): (trace: SessionTrace) => void {
  let loginSince: number | null = null
  let expiredSince: number | null = null
  let downSince: number | null = null
  const fetches = new Map<number, { at: number; reason: FetchUserSigReason }>()
  const fetchEnded = (id: number, at: number, outcome: 'ok' | 'error' | 'aborted') => {
    const started = fetches.get(id)
    if (!started) return
    fetches.delete(id)
    onMetric({ name: 'fetch-latency', ms: at - started.at, reason: started.reason, outcome })
  }
  return (trace) => {
    const { at } = trace
    if (trace.kind === 'input') {
      const input = trace.input
      switch (input.type) {
        case 'login':
        case 'retry':
          loginSince ??= at
          return
        case 'logout':
        case 'dispose':
          loginSince = expiredSince = downSince = null
          return
        case 'fetched':
          if ('error' in input) {
            fetchEnded(input.id, at, 'error')
            if (input.error.kind !== 'superseded')
              onMetric({ name: 'failure', step: 'fetch', kind: input.error.kind })
          } else fetchEnded(input.id, at, 'ok')
          return
        case 'sdk-login':
          if ('error' in input && input.error.kind !== 'superseded')
            onMetric({ name: 'failure', step: 'sdk-login', kind: input.error.kind })
          return
        case 'kicked':
          onMetric({ name: 'kick', reason: input.reason })
          return
        case 'net':
          if (input.net === 'connected') {
            if (downSince !== null) onMetric({ name: 'outage', ms: at - downSince })
            downSince = null
          } else downSince ??= at
          return
        default:
          return
      }
    }
    if (trace.kind === 'timers') return
    const output = trace.output
    if (output.type === 'fetch') fetches.set(output.id, { at, reason: output.reason })
    else if (output.type === 'abort-fetch') fetchEnded(output.id, at, 'aborted')
    else if (output.type === 'emit') {
      if (output.name === 'sig-expired') expiredSince ??= at
      else if (output.name === 'logged-in') {
        if (loginSince !== null)
          onMetric({ name: 'time-to-ready', ms: at - loginSince, userID: output.payload.userID })
        if (expiredSince !== null) onMetric({ name: 'refresh-gap', ms: at - expiredSince })
        loginSince = expiredSince = null
      } else if (output.name === 'logged-out') expiredSince = downSince = null
    }
  }
}
