import { useKicked, useLoginStatus, useNetState, useSession } from '@chat-session/react'
import { type FormEvent, type ReactNode, useState } from 'react'
import { composerBlock } from './composerBlock'

/**
 * The message box. While the session cannot send (kicked, signing in, signed out) the Send button is
 * disabled and a line says why, announced politely; the draft stays. Offline, it sends anyway: the SDK holds
 * the message until the connection is back.
 */
export function Composer({
  peer,
  onSend,
}: {
  peer: string | null
  onSend: (text: string) => void
}): ReactNode {
  const { status } = useLoginStatus()
  const kicked = useKicked()
  // The session waits for the user after a renewal it could not make (the session-expired dialog).
  const refreshFailed = useSession((s) => s.recovery?.reason === 'sig-expired')
  const { net } = useNetState()
  const [draft, setDraft] = useState('')
  const block = composerBlock({ status, kicked, refreshFailed, hasPeer: peer !== null })
  const offline = block === null && net !== 'connected'
  const hint = block?.reason ?? (offline ? 'Offline: messages are sent when the connection is back.' : '')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const text = draft.trim()
    if (block || !text) return
    onSend(text)
    setDraft('')
  }

  return (
    <form className="demo-composer" onSubmit={submit} aria-label="Send a message">
      <div className="demo-composer__row">
        <label className="demo-visually-hidden" htmlFor="composer">
          {peer ? `Message to ${peer}` : 'Message'}
        </label>
        <input
          id="composer"
          placeholder="Write a message…"
          autoComplete="off"
          value={draft}
          aria-describedby="composer-hint"
          onChange={(e) => setDraft(e.target.value)}
        />
        <button
          type="submit"
          className="demo-button demo-button--primary"
          aria-disabled={block !== null || undefined}
          aria-describedby={block ? 'composer-hint' : undefined}
        >
          Send
        </button>
      </div>
      <p
        id="composer-hint"
        className="demo-composer__hint"
        role="status"
        data-testid="composer-hint"
        data-blocked={block !== null || undefined}
      >
        {hint}
      </p>
    </form>
  )
}
