import type { KickInfo, SessionStatus } from '@chat-session/core'

/** Why the composer cannot send right now, or `null` when it can. */
export interface ComposerBlock {
  /** One sentence for the user, next to the composer. */
  readonly reason: string
}

export interface ComposerState {
  readonly status: SessionStatus
  readonly kicked: KickInfo | null
  /** The last renewal of the UserSig failed (the session is waiting for a decision). */
  readonly refreshFailed: boolean
  /** A conversation is open. */
  readonly hasPeer: boolean
}

const KICK_REASON: Readonly<Record<KickInfo['reason'], string>> = {
  'multi-account': 'You opened the chat somewhere else, so this tab was signed out.',
  'multi-device': 'You signed in on another device, so this one was signed out.',
  'rest-api': 'The app’s server signed you out.',
}

/**
 * What keeps the composer from sending, from the session as the kit reports it. Offline is not a block:
 * the SDK keeps a message until the connection is back, and the message shows as "Sending…".
 *
 * @example
 * composerBlock({ status: 'logging-in', kicked: null, refreshFailed: false, hasPeer: true })
 * // → { reason: 'Signing in… you can send once you are signed in.' }
 */
export function composerBlock(state: ComposerState): ComposerBlock | null {
  if (state.kicked) return { reason: `${KICK_REASON[state.kicked.reason]} Sign in again to send.` }
  switch (state.status) {
    case 'logging-in':
      return { reason: 'Signing in… you can send once you are signed in.' }
    case 'logging-out':
      return { reason: 'Signing out…' }
    case 'logged-out':
      return {
        reason: state.refreshFailed
          ? 'Your chat credential could not be renewed. Sign in again to send.'
          : 'You are signed out. Sign in again to send.',
      }
    case 'paused':
      return { reason: 'Another tab has the chat now. Use it here to send from this tab.' }
    case 'logged-in':
      return state.hasPeer ? null : { reason: 'Pick a conversation or start one to send a message.' }
  }
}
