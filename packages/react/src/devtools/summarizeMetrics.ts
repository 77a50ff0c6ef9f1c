import type { KickReason, SessionErrorKind } from '@chat-session/core'
import type { DurationMetricName, SessionMetric } from './sessionMetric'

/** Count, last, max and total of one duration metric, ms. */
export interface DurationStats {
  readonly count: number
  readonly last: number | null
  readonly max: number | null
  readonly total: number
}

/**
 * Every metric seen so far, folded: durations by name, kicks by reason, failures by kind.
 *
 * @example
 * const { durations, kicks } = useSessionMetrics()
 * console.log(durations['fetch-latency'].last, kicks['multi-device'] ?? 0)
 */
export interface SessionMetricsSummary {
  readonly durations: Readonly<Record<DurationMetricName, DurationStats>>
  readonly kicks: Readonly<Partial<Record<KickReason, number>>>
  readonly failures: Readonly<Partial<Record<SessionErrorKind, number>>>
}

const none: DurationStats = { count: 0, last: null, max: null, total: 0 }

/**
 * The summary before any metric.
 *
 * @example
 * let summary = emptyMetricsSummary
 * observeSessionMetrics(session, (m) => { summary = summarizeMetric(summary, m) })
 */
export const emptyMetricsSummary: SessionMetricsSummary = {
  durations: { 'time-to-ready': none, 'fetch-latency': none, 'refresh-gap': none, outage: none },
  kicks: {},
  failures: {},
}

/**
 * Folds one metric into a summary (a new object; the old one is left as it was).
 *
 * @example
 * const next = summarizeMetric(emptyMetricsSummary, { name: 'kick', reason: 'multi-device' })
 */
export function summarizeMetric(
  summary: SessionMetricsSummary,
  metric: SessionMetric,
): SessionMetricsSummary {
  if (metric.name === 'kick') {
    const { kicks } = summary
    return { ...summary, kicks: { ...kicks, [metric.reason]: (kicks[metric.reason] ?? 0) + 1 } }
  }
  if (metric.name === 'failure') {
    const { failures } = summary
    return { ...summary, failures: { ...failures, [metric.kind]: (failures[metric.kind] ?? 0) + 1 } }
  }
  const stats = summary.durations[metric.name]
  const next: DurationStats = {
    count: stats.count + 1,
    last: metric.ms,
    max: Math.max(stats.max ?? metric.ms, metric.ms),
    total: stats.total + metric.ms,
  }
  return { ...summary, durations: { ...summary.durations, [metric.name]: next } }
}
