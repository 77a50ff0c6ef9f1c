'use client'
// By the package's own name, so this entry shares the main entry's context instead of bundling a copy of it.
import { useSessionContext } from '@chat-session/react'
import { useEffect, useInsertionEffect, useRef, useState } from 'react'
import { observeSessionMetrics } from './observeSessionMetrics'
import type { SessionMetric } from './sessionMetric'
import { emptyMetricsSummary, type SessionMetricsSummary, summarizeMetric } from './summarizeMetrics'

/**
 * The session's metrics since this component mounted (time to ready, fetch latency, refresh gap after expiry,
 * outage duration, kicks by reason, failures by kind), re-rendering as they come; `onMetric` also gets each one
 * (it may be a new function every render). Mount it next to the provider to see the first sign-in.
 *
 * @example
 * const { durations, failures } = useSessionMetrics((m) => analytics.track(`session.${m.name}`, m))
 * return <p>Signed in after {durations['time-to-ready'].last} ms, {failures.network ?? 0} network failures</p>
 */
export function useSessionMetrics(onMetric?: (metric: SessionMetric) => void): SessionMetricsSummary {
  const { session } = useSessionContext()
  const latest = useRef(onMetric)
  useInsertionEffect(() => {
    latest.current = onMetric
  })
  const [summary, setSummary] = useState(emptyMetricsSummary)
  useEffect(
    () =>
      observeSessionMetrics(session, (metric) => {
        setSummary((current) => summarizeMetric(current, metric))
        latest.current?.(metric)
      }),
    [session, latest],
  )
  return summary
}
