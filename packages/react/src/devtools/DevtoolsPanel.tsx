'use client'
import type { Session, SessionSnapshot } from '@chat-session/core'
import { type KeyboardEvent, type ReactNode, useId, useMemo, useState, useSyncExternalStore } from 'react'
import type { TraceRecorder } from './createTraceRecorder'
import { devtoolsCss } from './devtoolsCss'
import { metricsFromTrace } from './observeSessionMetrics'
import { redactDiagnostics } from './redactDiagnostics'
import { emptyMetricsSummary, type SessionMetricsSummary, summarizeMetric } from './summarizeMetrics'
import { type TimelineKind, timelineKinds, toTimeline } from './toTimeline'

interface DevtoolsPanelProps {
  readonly recorder: TraceRecorder
  readonly session: Session
  readonly initialOpen: boolean
  readonly position: 'bottom-right' | 'bottom-left' | 'inline'
}

const seconds = (ms: number) => `+${(ms / 1000).toFixed(3)} s`

/** The snapshot in words: no sig, only its expiry; an error by kind, never its message. */
function snapshotRows(s: SessionSnapshot): [string, string][] {
  return [
    ['status', s.status],
    ['userID', s.userID ?? '—'],
    ['net', `${s.net}${s.netLost ? ' (lost)' : ''}`],
    ['refresh', s.refresh],
    ['sig expires', s.sig ? new Date(s.sig.expiresAt).toISOString() : '—'],
    ['kicked', s.kicked ? `${s.kicked.reason}${s.kicked.fromThisBrowser ? ' (this browser)' : ''}` : '—'],
    ['error', s.error ? `${s.error.kind}${s.error.code === undefined ? '' : ` ${s.error.code}`}` : '—'],
  ]
}

function metricRows(m: SessionMetricsSummary): [string, string][] {
  const rows: [string, string][] = Object.entries(m.durations).map(([name, d]) => [
    name,
    d.count === 0 ? '—' : `last ${d.last} ms · max ${d.max} ms · ${d.count}×`,
  ])
  const counts = (record: Readonly<Record<string, number | undefined>>) =>
    Object.entries(record)
      .map(([key, n]) => `${key} ${n}`)
      .join(' · ') || '—'
  rows.push(['kicks', counts(m.kicks)], ['failures', counts(m.failures)])
  return rows
}

function Rows(props: { rows: [string, string][] }): ReactNode {
  return (
    <dl>
      {props.rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** The lazily loaded body of `SessionDevtools`. */
export default function DevtoolsPanel(props: DevtoolsPanelProps): ReactNode {
  const { recorder, session } = props
  const id = useId()
  const [open, setOpen] = useState(props.initialOpen)
  const [hidden, setHidden] = useState<ReadonlySet<TimelineKind>>(new Set())
  const [active, setActive] = useState(-1)
  const [copy, setCopy] = useState<{ state: 'copied' | 'failed'; text: string } | null>(null)
  const traces = useSyncExternalStore(recorder.subscribe, recorder.traces, recorder.traces)
  const snapshot = useSyncExternalStore(
    session.store.subscribe,
    session.store.getState,
    session.store.getState,
  )
  const timeline = useMemo(() => toTimeline(traces), [traces])
  const metrics = useMemo(() => {
    let summary = emptyMetricsSummary
    const feed = metricsFromTrace((metric) => {
      summary = summarizeMetric(summary, metric)
    })
    for (const trace of traces) feed(trace)
    return summary
  }, [traces])
  const shown = timeline.filter((entry) => !hidden.has(entry.kind))
  const current = Math.min(active, shown.length - 1)

  const toggleKind = (kind: TimelineKind) =>
    setHidden((set) => {
      const next = new Set(set)
      if (!next.delete(kind)) next.add(kind)
      return next
    })

  const onListKey = (event: KeyboardEvent<HTMLOListElement>) => {
    const last = shown.length - 1
    const to = {
      ArrowDown: Math.min(current + 1, last),
      ArrowUp: Math.max(current - 1, 0),
      Home: 0,
      End: last,
    }[event.key]
    if (to === undefined || last < 0) return
    event.preventDefault()
    setActive(to)
    const items = event.currentTarget.children
    ;(items[to] as HTMLElement | undefined)?.focus()
  }

  async function copyDiagnostics() {
    const report = {
      kind: 'chat-session-diagnostics',
      createdAt: new Date().toISOString(),
      userAgent: globalThis.navigator?.userAgent,
      snapshot: session.store.getState(),
      metrics,
      timeline,
      traces,
    }
    const text = JSON.stringify(redactDiagnostics(report), null, 2)
    try {
      await navigator.clipboard.writeText(text)
      setCopy({ state: 'copied', text })
    } catch {
      setCopy({ state: 'failed', text })
    }
  }

  return (
    <section className="csk-devtools" data-position={props.position} aria-label="Session devtools">
      <style>{devtoolsCss}</style>
      <button
        type="button"
        className="csk-devtools__toggle"
        aria-expanded={open}
        aria-controls={`${id}body`}
        onClick={() => setOpen(!open)}
      >
        Session devtools · {snapshot.status}
      </button>
      <div id={`${id}body`} className="csk-devtools__body" hidden={!open}>
        {open && (
          <>
            <h2 id={`${id}snapshot`}>Snapshot</h2>
            <Rows rows={snapshotRows(snapshot)} />
            <h2>Metrics</h2>
            <Rows rows={metricRows(metrics)} />
            <h2 id={`${id}timeline`}>Timeline</h2>
            <fieldset>
              <legend>Show</legend>
              {timelineKinds.map((kind) => (
                <label key={kind}>
                  <input type="checkbox" checked={!hidden.has(kind)} onChange={() => toggleKind(kind)} />{' '}
                  {kind}
                </label>
              ))}
            </fieldset>
            {shown.length === 0 ? (
              <p className="csk-devtools__muted">Nothing recorded yet.</p>
            ) : (
              <ol className="csk-devtools__list" aria-labelledby={`${id}timeline`} onKeyDown={onListKey}>
                {shown.map((entry, index) => (
                  <li
                    key={index}
                    tabIndex={index === Math.max(current, 0) ? 0 : -1}
                    onFocus={() => setActive(index)}
                  >
                    <span>{seconds(entry.offset)}</span>
                    <span className="csk-devtools__kind">{entry.kind}</span>
                    <span>
                      {entry.title}
                      {entry.detail && <span className="csk-devtools__muted"> · {entry.detail}</span>}
                    </span>
                    <span>{entry.duration === null ? '' : `${entry.duration} ms`}</span>
                  </li>
                ))}
              </ol>
            )}
            <div className="csk-devtools__actions">
              <button type="button" onClick={copyDiagnostics}>
                Copy diagnostics
              </button>
              <button type="button" onClick={recorder.clear}>
                Clear
              </button>
              <span role="status">
                {copy?.state === 'copied'
                  ? 'Copied (secrets redacted)'
                  : copy
                    ? 'Could not copy; select the text below'
                    : ''}
              </span>
            </div>
            {copy?.state === 'failed' && (
              <textarea readOnly aria-label="Diagnostics JSON" value={copy.text} />
            )}
          </>
        )}
      </div>
    </section>
  )
}
