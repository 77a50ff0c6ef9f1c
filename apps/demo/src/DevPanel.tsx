import type { KickInfo } from '@chat-session/core'
import { useSession } from '@chat-session/react'
import { lazy, type ReactNode, Suspense, useState, useSyncExternalStore } from 'react'
import type { DemoConfig } from './demoConfig'
import { onUserSigRequest, userSigRequestCount } from './fetchUserSig'

type KickType = Extract<KickInfo['reason'], 'multi-device' | 'rest-api'>

// The session devtools (timeline, metrics, Copy diagnostics): a chunk of its own, loaded with this panel only.
const SessionDevtools = lazy(() =>
  import('@chat-session/react/devtools').then((m) => ({ default: m.SessionDevtools })),
)

/**
 * Development only (App.tsx loads it behind `import.meta.env.DEV`): drives the local gateway over its admin
 * HTTP routes so every session event the kit handles can be seen without a second device or a cloud console.
 */
export default function DevPanel({ config, adminUrl }: { config: DemoConfig; adminUrl: string }): ReactNode {
  const current = useSession((s) => s.userID ?? s.kicked?.userID ?? null)
  // The last user is kept so the controls still work while kicked or signed out.
  const [user, setUser] = useState<string | null>(current)
  if (current !== null && current !== user) setUser(current)
  const [secondsText, setSecondsText] = useState('8')
  const seconds = Math.max(1, Math.min(120, Math.round(Number(secondsText)) || 1))
  // The toggle is per user on the server: another user starts allowed.
  const [forbiddenFor, setForbiddenFor] = useState<string | null>(null)
  const forbidden = user !== null && forbiddenFor === user
  const [note, setNote] = useState('')
  const requests = useSyncExternalStore(onUserSigRequest, userSigRequestCount)

  const call = async (label: string, url: string, body?: unknown): Promise<void> => {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      })
      const answer = (await res.json()) as Record<string, unknown>
      setNote(res.ok ? `${label}: ${summarize(answer)}` : `${label} failed: ${String(answer.error)}`)
    } catch (error) {
      setNote(`${label} failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const admin = (route: string, label: string, body?: unknown) => () =>
    void call(label, `${adminUrl}/${route}`, body)
  const kick = (type: KickType, label: string) => admin('kick', label, { userID: user, type })
  const noUser = user === null

  const toggleForbidden = (next: boolean) => {
    if (!user) return
    setForbiddenFor(next ? user : null)
    void call(
      next ? 'UserSig endpoint now answers 403' : 'UserSig endpoint allowed again',
      '/api/dev/forbid',
      {
        userID: user,
        forbidden: next,
      },
    )
  }

  return (
    <details className="demo-dev" data-testid="dev-panel">
      <summary>Developer panel</summary>
      <div className="demo-dev__body">
        <p className="demo-dev__info">
          Gateway {config.proxyServer} · heartbeat {config.helloInterval} s · UserSig TTL {config.userSigTtl}{' '}
          s · UserSig requests from this tab: <output data-testid="usersig-requests">{requests}</output>
        </p>
        <p className="demo-dev__info">{user ? `Acting on ${user}` : 'Sign in to use the controls.'}</p>
        <fieldset className="demo-dev__group">
          <legend className="demo-visually-hidden">Session events</legend>
          <button
            type="button"
            disabled={noUser}
            onClick={kick('multi-device', 'Kicked from another device')}
          >
            Kick from another device
          </button>
          <button type="button" disabled={noUser} onClick={kick('rest-api', 'Admin kick')}>
            Admin kick (REST API)
          </button>
          <button type="button" disabled={noUser} onClick={admin('expire', 'Expired', { userID: user })}>
            Expire my UserSig now
          </button>
          <button type="button" onClick={admin('drop', 'Dropped')}>
            Drop the connection
          </button>
        </fieldset>
        <fieldset className="demo-dev__group">
          <legend className="demo-visually-hidden">Outage</legend>
          <label>
            Outage for{' '}
            <input
              type="number"
              min={1}
              max={120}
              value={secondsText}
              aria-label="Outage seconds"
              onChange={(e) => setSecondsText(e.target.value)}
            />{' '}
            s
          </label>
          <button type="button" onClick={admin('outage', `Outage for ${seconds} s`, { ms: seconds * 1000 })}>
            Start outage
          </button>
        </fieldset>
        <div className="demo-dev__group">
          <label>
            <input
              type="checkbox"
              disabled={noUser}
              checked={forbidden}
              onChange={(e) => toggleForbidden(e.target.checked)}
            />{' '}
            UserSig endpoint answers 403 for this user
          </label>
          {user && (
            <a href={`/?user=${encodeURIComponent(user)}`} target="_blank" rel="noopener">
              Open {user} in a second tab
            </a>
          )}
        </div>
        <p className="demo-dev__note" role="status" data-testid="dev-note">
          {note}
        </p>
      </div>
      {/* In the flow of this panel, not floating: nothing of the demo is covered. */}
      <Suspense fallback={null}>
        <SessionDevtools position="inline" />
      </Suspense>
    </details>
  )
}

function summarize(answer: Record<string, unknown>): string {
  if (typeof answer.kicked === 'number') return `${answer.kicked} session(s)`
  if (typeof answer.expired === 'number') return `${answer.expired} session(s)`
  if (typeof answer.dropped === 'number') return `${answer.dropped} connection(s)`
  return 'done'
}
