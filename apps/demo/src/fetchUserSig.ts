import type { FetchUserSig } from '@chat-session/core'

let requests = 0
const listeners = new Set<() => void>()

/**
 * The kit's UserSig fetcher for this demo: a JSON POST to the demo's own endpoint, so the UserID never sits
 * in a URL and the sig only ever travels in a response body. 401/403 mean "sign in to the app again"
 * (terminal); anything else that fails is thrown, which the engine treats as transient and retries.
 *
 * @example
 * <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig}>…</ChatSessionProvider>
 */
export const fetchUserSig: FetchUserSig = async (userID, { signal }) => {
  requests++
  for (const listener of listeners) listener()
  const res = await fetch('/api/usersig', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userID }),
    credentials: 'same-origin',
    cache: 'no-store',
    signal,
  })
  if (res.status === 401 || res.status === 403) {
    const body = (await res.json().catch(() => ({}))) as { message?: string }
    return { error: 'forbidden', message: body.message }
  }
  if (!res.ok) throw new Error(`UserSig endpoint answered ${res.status}`)
  return (await res.json()) as { userSig: string; expiresAt: number }
}

/** How many UserSigs this page asked for (shown in the developer panel). */
export function userSigRequestCount(): number {
  return requests
}

export function onUserSigRequest(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
