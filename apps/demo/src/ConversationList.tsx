import { type FormEvent, type ReactNode, useState } from 'react'
import type { ChatConversation } from './chatModel'
import { UserName } from './UserName'

const MAX_USER_ID_BYTES = 32

function peerError(text: string, me: string): string | null {
  if (text === '') return 'Type a user ID.'
  if (new TextEncoder().encode(text).length > MAX_USER_ID_BYTES) return 'A user ID has at most 32 bytes.'
  if (text === me) return 'That is you: pick someone else.'
  return null
}

/**
 * The conversation list, with a form to start a conversation with any user ID (it opens at once; it joins
 * the list with its first message).
 */
export function ConversationList({
  conversations,
  active,
  me,
  onOpen,
}: {
  conversations: readonly ChatConversation[]
  active: string | null
  me: string
  onOpen: (peer: string) => void
}): ReactNode {
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const start = (event: FormEvent) => {
    event.preventDefault()
    const peer = draft.trim()
    const problem = peerError(peer, me)
    setError(problem)
    if (problem) return
    setDraft('')
    onOpen(peer)
  }
  return (
    <nav className="demo-sidebar" aria-label="Conversations">
      <form className="demo-newchat" onSubmit={start}>
        <label htmlFor="new-chat">Chat with</label>
        <div className="demo-newchat__row">
          <input
            id="new-chat"
            placeholder="user ID"
            autoComplete="off"
            spellCheck={false}
            value={draft}
            aria-invalid={error !== null || undefined}
            aria-describedby={error ? 'new-chat-error' : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="demo-button">
            Start
          </button>
        </div>
        {error && (
          <p id="new-chat-error" className="demo-newchat__error" role="alert">
            {error}
          </p>
        )}
      </form>
      {conversations.length === 0 ? (
        <p className="demo-muted demo-sidebar__empty">No conversations yet.</p>
      ) : (
        <ul>
          {conversations.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={c.peer === active ? 'demo-conv is-active' : 'demo-conv'}
                aria-current={c.peer === active || undefined}
                data-testid="conversation"
                data-peer={c.peer}
                onClick={() => onOpen(c.peer)}
              >
                <span className="demo-avatar demo-avatar--peer" aria-hidden="true">
                  {c.peer.slice(0, 1).toUpperCase()}
                </span>
                <span className="demo-conv__text">
                  <UserName className="demo-conv__name" userID={c.peer} />
                  <span className="demo-conv__preview">{c.preview}</span>
                </span>
                {c.unread > 0 && (
                  <span className="demo-unread" data-testid="unread">
                    {c.unread}
                    <span className="demo-visually-hidden"> unread</span>
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  )
}
