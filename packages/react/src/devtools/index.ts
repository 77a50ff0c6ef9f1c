// `@chat-session/react/devtools`: development tools and metrics, kept out of the main entry.

// The trace types are core's, named here too so a devtools user needs no second import.
export type {
  SessionTrace,
  SessionTraceEmit,
  SessionTraceInput,
  SessionTraceOutput,
  SessionTraceTimer,
  SessionTracing,
} from '@chat-session/core'
export { createTraceRecorder, type TraceRecorder } from './createTraceRecorder'
export { metricsFromTrace, observeSessionMetrics } from './observeSessionMetrics'
export { onTrace } from './onTrace'
export { redactDiagnostics } from './redactDiagnostics'
export { SessionDevtools, type SessionDevtoolsProps } from './SessionDevtools'
export type { DurationMetricName, SessionMetric } from './sessionMetric'
export {
  type DurationStats,
  emptyMetricsSummary,
  type SessionMetricsSummary,
  summarizeMetric,
} from './summarizeMetrics'
export { type TimelineEntry, type TimelineKind, timelineKinds, toTimeline } from './toTimeline'
export type { TraceSource } from './traceSource'
export { useSessionMetrics } from './useSessionMetrics'
