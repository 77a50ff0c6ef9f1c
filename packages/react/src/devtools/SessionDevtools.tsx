'use client'
// By the package's own name, so this entry shares the main entry's context instead of bundling a copy of it.
import { useSessionContext } from '@chat-session/react'
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react'
import { createTraceRecorder, type TraceRecorder } from './createTraceRecorder'

// The panel is its own chunk: importing this entry costs the recorder only until the panel renders.
const DevtoolsPanel = /* @__PURE__ */ lazy(() => import('./DevtoolsPanel'))

/** Props of {@link SessionDevtools}. */
export interface SessionDevtoolsProps {
  /** Open on mount. Default false (a collapsed button). */
  readonly initialOpen?: boolean | undefined
  /** Corner of the viewport, or `'inline'`: in the page's flow (inside an app's own developer panel). Default `'bottom-right'`. */
  readonly position?: 'bottom-right' | 'bottom-left' | 'inline' | undefined
  /** How many traces to keep. Default 500. */
  readonly limit?: number | undefined
}

/**
 * A floating, collapsible panel for development builds: the live snapshot, a timeline of what the session did
 * (calls, UserSig fetches, SDK calls and answers, kicks, the network, timers, events) with times and durations,
 * filters, metrics and "Copy diagnostics" (JSON with every UserSig, a2Key and message redacted). Put it inside
 * `<ChatSessionProvider>`; it records from its mount. Load it only in development, e.g. with `React.lazy`.
 *
 * @example
 * const SessionDevtools = lazy(() => import('@chat-session/react/devtools').then((m) => ({ default: m.SessionDevtools })))
 * {import.meta.env.DEV && <Suspense><SessionDevtools /></Suspense>}
 */
export function SessionDevtools(props: SessionDevtoolsProps): ReactNode {
  const { session } = useSessionContext()
  const { limit } = props
  const [recorder, setRecorder] = useState<TraceRecorder | null>(null)
  useEffect(() => {
    const next = createTraceRecorder(session, limit)
    setRecorder(next)
    return next.stop
  }, [session, limit])
  if (!recorder) return null
  return (
    <Suspense fallback={null}>
      <DevtoolsPanel
        recorder={recorder}
        session={session}
        initialOpen={props.initialOpen ?? false}
        position={props.position ?? 'bottom-right'}
      />
    </Suspense>
  )
}
