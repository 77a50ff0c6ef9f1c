import { type FetchUserSig, userSigFromEndpoint } from '@chat-session/core'

let requests = 0
const listeners = new Set<() => void>()
const fromEndpoint = userSigFromEndpoint('/api/usersig')

/**
 * The demo's UserSig fetcher: the kit's `userSigFromEndpoint` for the demo's own `createUserSigHandler`
 * (a JSON POST, so the UserID never sits in a URL and the sig only ever travels in a response body), counting
 * each request for the developer panel.
 *
 * @example
 * <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig}>…</ChatSessionProvider>
 */
export const fetchUserSig: FetchUserSig = (userID, context) => {
  requests++
  for (const listener of listeners) listener()
  return fromEndpoint(userID, context)
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
