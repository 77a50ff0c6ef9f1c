import { LoginStatusBadge, useLogout, useSession } from '@chat-session/react'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { Composer } from './Composer'
import { ConversationList } from './ConversationList'
import { UserName } from './UserName'
import { useConversationMessages } from './useConversationMessages'
import { useConversations } from './useConversations'

function when(ms: number): string {
  return new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium' })
}

function clock(seconds: number): string {
  return new Date(seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
}

const STATUS_TEXT = { sending: 'Sending…', sent: '', failed: 'Not sent' } as const

/**
 * The signed-in app: a header with the kit's status badge, the conversation list and one open conversation,
 * all from the SDK. On a narrow screen the list and the conversation take turns.
 */
export function ChatShell({ onSignedOut }: { onSignedOut: () => void }): ReactNode {
  // While kicked or refreshing, the store has no signed-in user; the shell keeps showing whose it is.
  const userID = useSession((s) => s.userID ?? s.kicked?.userID ?? null)
  const [lastUser, setLastUser] = useState(userID)
  if (userID !== null && userID !== lastUser) setLastUser(userID)
  const logout = useLogout()
  const sigExpiresAt = useSession((s) => s.sig?.expiresAt ?? null)
  const me = userID ?? lastUser ?? ''
  const conversations = useConversations()
  const [peer, setPeer] = useState<string | null>(null)
  const { messages, arrived, send } = useConversationMessages(peer, me)
  const list = useRef<HTMLOListElement>(null)

  // The newest message in view (the list scrolls, the page does not).
  const lastId = messages.at(-1)?.id
  useEffect(() => {
    const el = list.current
    if (lastId && el) el.scrollTop = el.scrollHeight
  }, [lastId])

  const open = (next: string) => {
    setPeer(next)
    // Keyboard users land in the message box of the conversation they picked.
    requestAnimationFrame(() => document.getElementById('composer')?.focus())
  }

  // Back to the list (phone): the list is rendered at once (flushSync), then the focus goes to the
  // conversation just left, still inside the click, so nothing can move it after.
  const back = () => {
    const left = peer
    flushSync(() => setPeer(null))
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="conversation"]'))
      if (el.dataset.peer === left) el.focus()
  }

  return (
    <div className="demo-shell">
      <header className="demo-header">
        <div className="demo-brand">
          <div className="demo-logo demo-logo--small" aria-hidden="true" />
          <span className="demo-brand__name">Lantern Chat</span>
        </div>
        <div className="demo-header__session">
          <LoginStatusBadge />
          <span className="demo-user" data-testid="current-user">
            <span className="demo-avatar" aria-hidden="true">
              {me.slice(0, 1).toUpperCase()}
            </span>
            <UserName userID={me} />
          </span>
          <button
            type="button"
            className="demo-button demo-header__signout"
            aria-disabled={logout.isPending || undefined}
            onClick={() => logout.mutate(undefined, { onSettled: onSignedOut })}
          >
            {logout.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </header>

      <div className="demo-body" data-view={peer === null ? 'list' : 'conversation'}>
        <ConversationList conversations={conversations} active={peer} me={me} onOpen={open} />

        <main className="demo-conversation" aria-labelledby="conversation-title">
          <div className="demo-conversation__head">
            {peer !== null && (
              <button type="button" className="demo-button demo-back" onClick={back}>
                <span aria-hidden="true">←</span>
                <span className="demo-visually-hidden">Back to conversations</span>
              </button>
            )}
            <h1 id="conversation-title">
              {peer === null ? 'No conversation open' : <UserName userID={peer} />}
            </h1>
          </div>
          {/* Only what arrives live is announced, not a whole history when a conversation opens. */}
          <p className="demo-visually-hidden" role="status" data-testid="arrived">
            {arrived ? `${arrived.from}: ${arrived.text}` : ''}
          </p>
          <ol ref={list} className="demo-messages" aria-label="Messages">
            {messages.map((m) => (
              <li
                key={m.id}
                className={m.mine ? 'demo-message is-mine' : 'demo-message'}
                data-testid="message"
                data-status={m.status}
              >
                <span className="demo-message__meta">
                  <UserName userID={m.mine ? 'You' : m.from} /> · {clock(m.time)}
                  {STATUS_TEXT[m.status] && <> · {STATUS_TEXT[m.status]}</>}
                </span>
                <span className="demo-message__bubble">{m.text}</span>
              </li>
            ))}
          </ol>
          <Composer peer={peer} onSend={send} />
          <p className="demo-footnote" data-testid="sig-expiry" data-expires-at={sigExpiresAt ?? undefined}>
            {sigExpiresAt ? `Chat credential valid until ${when(sigExpiresAt)}` : 'No chat credential'}
          </p>
        </main>
      </div>
    </div>
  )
}
