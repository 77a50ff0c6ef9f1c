'use client'
import type { SessionStatus } from '@chat-session/core'
import { useState } from 'react'

/**
 * The user whose session another tab of this browser holds (`paused`), also while it is being taken back here
 * (the `logging-in` that follows, as that user); null otherwise. Decided during render, as the snapshot has no
 * memory of the pause once the takeover starts.
 */
export function usePausedAs(status: SessionStatus, userID: string | null): string | null {
  const [was, setWas] = useState<string | null>(null)
  const held = status === 'paused' ? userID : status === 'logging-in' ? was : null
  if (held !== was) setWas(held)
  return held === userID ? held : null
}
