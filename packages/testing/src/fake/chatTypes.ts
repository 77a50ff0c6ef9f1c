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
  KICKED_OUT_MULT_ACCOUNT: 'multipleAccount',
  KICKED_OUT_MULT_DEVICE: 'multipleDevice',
  KICKED_OUT_USERSIG_EXPIRED: 'userSigExpired',
  KICKED_OUT_REST_API: 'REST_API_Kick',
} as const

/** The `state` of a `netStateChange` event. */
export type NetState = 'connected' | 'connecting' | 'disconnected'

/** The `type` of a `kickedOut` event (`TencentCloudChat.TYPES.KICKED_OUT_*`). */
export type KickedOutType = 'multipleAccount' | 'multipleDevice' | 'userSigExpired' | 'REST_API_Kick'
