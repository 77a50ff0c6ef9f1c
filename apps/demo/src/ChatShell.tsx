import { LoginStatusBadge, useLogout, useSession } from '@chat-session/react'
import { type FormEvent, type ReactNode, useState } from 'react'

interface Message {
  readonly id: number
  readonly from: string
  readonly text: string
  readonly at: string
}

const CONVERSATIONS = [
  { id: 'design', name: 'Design team', preview: 'Mia: the new icons are in Figma', unread: 2 },
  { id: 'mia', name: 'Mia Chen', preview: 'See you at 3?', unread: 0 },
  { id: 'support', name: 'Support', preview: 'Ticket #4821 was resolved', unread: 0 },
  { id: 'weekend', name: 'Weekend hikes', preview: 'Leo: weather looks great', unread: 5 },
] as const

// Placeholders: this demo is about the session, so messages are local and never leave the page.
const PLACEHOLDER: readonly Message[] = [
  { id: 1, from: 'Mia Chen', text: 'Morning! Did the new build go out?', at: '09:12' },
  { id: 2, from: 'Leo Wang', text: 'Yes, rolled out to 10 % of users at 8:30.', at: '09:14' },
  { id: 3, from: 'Mia Chen', text: 'Nice. Crash rate looks flat so far.', at: '09:15' },
  { id: 4, from: 'Leo Wang', text: 'Let’s check again after lunch and then go to 50 %.', at: '09:16' },
]

function when(ms: number): string {
  return new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium' })
}

/** The signed-in app: a header with the kit's status badge, a conversation list and one open conversation. */
export function ChatShell({ onSignedOut }: { onSignedOut: () => void }): ReactNode {
  // While kicked or refreshing, the store has no signed-in user; the shell keeps showing whose it is.
  const userID = useSession((s) => s.userID ?? s.kicked?.userID ?? null)
  const [lastUser, setLastUser] = useState(userID)
  if (userID !== null && userID !== lastUser) setLastUser(userID)
  const logout = useLogout()
  const sigExpiresAt = useSession((s) => s.sig?.expiresAt ?? null)
  const [messages, setMessages] = useState<readonly Message[]>(PLACEHOLDER)
  const [draft, setDraft] = useState('')
  const me = userID ?? lastUser ?? 'me'

  const send = (event: FormEvent) => {
    event.preventDefault()
    const text = draft.trim()
    if (!text) return
    const at = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    setMessages((list) => [...list, { id: list.length + 1, from: me, text, at }])
    setDraft('')
  }

  return (
    <div className="demo-shell">
      <header className="demo-header">
        <div className="demo-brand">
          <div className="demo-logo demo-logo--small" aria-hidden="true" />
          <span>Lantern Chat</span>
        </div>
        <div className="demo-header__session">
          <LoginStatusBadge />
          <span className="demo-user" data-testid="current-user">
            <span className="demo-avatar" aria-hidden="true">
              {me.slice(0, 1).toUpperCase()}
            </span>
            {me}
          </span>
          <button
            type="button"
            className="demo-button"
            aria-disabled={logout.isPending || undefined}
            onClick={() => logout.mutate(undefined, { onSettled: onSignedOut })}
          >
            {logout.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </header>

      <div className="demo-body">
        <nav className="demo-sidebar" aria-label="Conversations">
          <ul>
            {CONVERSATIONS.map((c, i) => (
              <li
                key={c.id}
                className={i === 0 ? 'is-active' : undefined}
                aria-current={i === 0 || undefined}
              >
                <span className="demo-avatar demo-avatar--group" aria-hidden="true">
                  {c.name.slice(0, 1)}
                </span>
                <span className="demo-conv">
                  <span className="demo-conv__name">{c.name}</span>
                  <span className="demo-conv__preview">{c.preview}</span>
                </span>
                {c.unread > 0 && <span className="demo-unread">{c.unread}</span>}
              </li>
            ))}
          </ul>
        </nav>

        <main className="demo-conversation" aria-labelledby="conversation-title">
          <div className="demo-conversation__head">
            <h1 id="conversation-title">Design team</h1>
            <span className="demo-muted">4 members</span>
          </div>
          <ol className="demo-messages" aria-label="Messages">
            {messages.map((m) => (
              <li key={m.id} className={m.from === me ? 'demo-message is-mine' : 'demo-message'}>
                <span className="demo-message__meta">
                  {m.from} · {m.at}
                </span>
                <span className="demo-message__bubble">{m.text}</span>
              </li>
            ))}
          </ol>
          <form className="demo-composer" onSubmit={send}>
            <label className="demo-visually-hidden" htmlFor="composer">
              Message
            </label>
            <input
              id="composer"
              placeholder="Write a message…"
              autoComplete="off"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit" className="demo-button demo-button--primary">
              Send
            </button>
          </form>
          <p className="demo-footnote" data-testid="sig-expiry" data-expires-at={sigExpiresAt ?? undefined}>
            {sigExpiresAt ? `Chat credential valid until ${when(sigExpiresAt)}` : 'No chat credential'}
          </p>
        </main>
      </div>
    </div>
  )
}
