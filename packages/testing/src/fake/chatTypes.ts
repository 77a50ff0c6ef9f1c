import { CHAT_KICK_TYPE, type NetState as CoreNetState, type KickReason } from '@chat-session/core'

/**
 * The `TencentCloudChat.TYPES` values carried by `netStateChange` and `kickedOut` events (3.6.6).
 *
 * @example
 * if (event.data.type === CHAT_TYPES.KICKED_OUT_USERSIG_EXPIRED) refreshSig()
 */
export const CHAT_TYPES = {
  NET_STATE_CONNECTED: 'connected',
  NET_STATE_CONNECTING: 'connecting',
  NET_STATE_DISCONNECTED: 'disconnected',
  KICKED_OUT_MULT_ACCOUNT: CHAT_KICK_TYPE['multi-account'],
  KICKED_OUT_MULT_DEVICE: CHAT_KICK_TYPE['multi-device'],
  KICKED_OUT_USERSIG_EXPIRED: CHAT_KICK_TYPE['usersig-expired'],
  KICKED_OUT_REST_API: CHAT_KICK_TYPE['rest-api'],
} as const

/** The `state` of a `netStateChange` event. */
export type NetState = CoreNetState

/** The `type` of a `kickedOut` event (`TencentCloudChat.TYPES.KICKED_OUT_*`). */
export type KickedOutType = (typeof CHAT_KICK_TYPE)[KickReason]
