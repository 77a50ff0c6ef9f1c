import type { SessionError, SessionTrace, SessionTraceTimer } from '@chat-session/core'

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`

/** The filters of the devtools timeline: app calls, UserSig fetches, the SDK, the network, timers, events, tabs. */
export type TimelineKind = 'call' | 'fetch' | 'sdk' | 'net' | 'timer' | 'event' | 'tab'

/**
 * Every {@link TimelineKind}, in the order the devtools shows its filters.
 *
 * @example
 * timelineKinds.map((kind) => <label key={kind}><input type="checkbox" /> {kind}</label>)
 */
export const timelineKinds: readonly TimelineKind[] = ['call', 'fetch', 'sdk', 'net', 'timer', 'event', 'tab']

/** One line of the timeline: what happened, when (ms after the first trace) and, for answers, how long it took. */
export interface TimelineEntry {
  readonly kind: TimelineKind
  /** Milliseconds since the first trace recorded. */
  readonly offset: number
  readonly title: string
  readonly detail: string
  /** For an answer (fetcher, SDK): ms since its call. */
  readonly duration: number | null
}

/** What the timeline says of an error: kind, detail and code, never its message (a fetcher's text may hold secrets). */
const errorText = (error: SessionError) =>
  `failed: ${error.kind}${error.detail ? ` (${error.detail})` : ''}${error.code === undefined ? '' : ` ${error.code}`}`

/**
 * The traces as timeline lines, answers paired with their calls for durations. Only names, reasons, kinds and
 * times appear, never a UserSig or a message.
 *
 * @example
 * const lines = toTimeline(traces).filter((line) => line.kind === 'fetch')
 */
export function toTimeline(traces: readonly SessionTrace[]): TimelineEntry[] {
  const first = traces[0]?.at ?? 0
  const calls = new Map<string, number>()
  const since = (key: string, at: number) => {
    const start = calls.get(key)
    calls.delete(key)
    return start === undefined ? null : at - start
  }
  let armed: Readonly<Partial<Record<SessionTraceTimer, number>>> = {}
  const fired = new Set<SessionTraceTimer>()
  return traces.flatMap((trace): TimelineEntry | TimelineEntry[] => {
    const { at } = trace
    const line = (kind: TimelineKind, title: string, detail = '', duration: number | null = null) => ({
      kind,
      offset: at - first,
      title,
      detail,
      duration,
    })
    if (trace.kind === 'timers') {
      const { timers } = trace
      const names = Object.keys({ ...armed, ...timers }) as SessionTraceTimer[]
      const lines = names.flatMap((name) => {
        const deadline = timers[name]
        if (deadline === armed[name]) return []
        if (deadline !== undefined)
          return [line('timer', `${name} timer set`, `in ${seconds(deadline - at)}`)]
        // A timer that fired leaves the deadlines by itself: only a cancelled one is worth a line.
        return fired.delete(name) ? [] : [line('timer', `${name} timer cancelled`)]
      })
      armed = timers
      return lines
    }
    if (trace.kind === 'output') {
      const out = trace.output
      switch (out.type) {
        case 'fetch':
          calls.set(`fetch:${out.id}`, at)
          return line('fetch', 'fetch UserSig', `${out.reason} · ${out.userID}`)
        case 'abort-fetch':
          return line('fetch', 'fetch aborted', '', since(`fetch:${out.id}`, at))
        case 'sdk-login':
          calls.set(`sdk:${out.id}`, at)
          return line('sdk', 'chat.login()', out.userID)
        case 'sdk-logout':
          calls.set(`sdk:${out.id}`, at)
          return line('sdk', 'chat.logout()')
        case 'tab-note':
          return line('tab', `tell other tabs: ${out.note.type}`, out.note.userID)
        case 'sdk-reset':
          calls.set(`sdk:${out.id}`, at)
          return line('sdk', 'chat.destroy()', 'a fresh instance for the stuck login')
        default: {
          const payload = out.payload as { userID?: string; reason?: string; error?: SessionError }
          const detail = [payload.userID, payload.reason, payload.error && errorText(payload.error)]
          return line('event', out.name, detail.filter(Boolean).join(' · '))
        }
      }
    }
    const input = trace.input
    switch (input.type) {
      case 'login':
        return line('call', 'login()', input.userID)
      case 'logout':
      case 'retry':
      case 'dispose':
        return line('call', `${input.type}()`)
      case 'refresh':
        return line('call', 'refreshUserSig()')
      case 'fetched':
        return line(
          'fetch',
          'UserSig answer',
          'error' in input
            ? errorText(input.error)
            : `expires ${input.expiresAt === null ? 'unknown' : new Date(input.expiresAt).toISOString()}`,
          since(`fetch:${input.id}`, at),
        )
      case 'sdk-login':
        return line(
          'sdk',
          'chat.login() answered',
          'error' in input ? errorText(input.error) : input.result.repeat ? 'repeat login' : 'ok',
          since(`sdk:${input.id}`, at),
        )
      case 'sdk-logout':
        return line('sdk', 'chat.logout() answered', '', since(`sdk:${input.id}`, at))
      case 'ready':
        return line('sdk', 'SDK ready', input.user)
      case 'not-ready':
        return line('sdk', 'SDK not ready')
      case 'kicked':
        return line('sdk', 'kicked out', input.reason)
      case 'net':
        return line('net', 'connection', input.net)
      case 'online':
        return line('net', 'browser online')
      case 'timer':
        fired.add(input.timer)
        return line('timer', `${input.timer} timer fired`)
      case 'focus':
        return line('tab', input.focused ? 'page focused' : 'page left')
      case 'engaged':
        return line('tab', 'user pressed in page')
      case 'live-elsewhere':
        return line('tab', 'login not sent', 'another tab is live')
      default:
        return line(
          'tab',
          input.note === 'signed-out' ? 'another tab signed out' : 'another tab signs in',
          input.userID,
        )
    }
  })
}
