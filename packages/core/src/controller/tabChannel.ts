/** The BroadcastChannel the tabs of this app use to tell each other they are signing a user in. */
export interface TabChannel {
  announce(userID: string): void
  close(): void
}

/** Opens the channel `name`, or nothing when the platform has no BroadcastChannel. */
export function openTabChannel(name: string, onSigningIn: (userID: string) => void): TabChannel | undefined {
  if (typeof BroadcastChannel !== 'function') return
  const channel = new BroadcastChannel(name)
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown; userID?: unknown } | null
    if (data?.type === 'signing-in' && typeof data.userID === 'string') onSigningIn(data.userID)
  }
  return {
    announce: (userID) => channel.postMessage({ type: 'signing-in', userID }),
    close: () => channel.close(),
  }
}
