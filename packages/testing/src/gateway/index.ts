/**
 * `@chat-session/testing/gateway`: a local emulator of the Tencent Chat session service for the real
 * `@tencentcloud/chat` SDK (Node only, on `ws`). See {@link startLocalGateway}.
 */
export { ADMIN_PREFIX, createAdminHandler, isLoopbackOrigin } from './adminRoutes'
export type {
  GatewayKickType,
  GatewayLogDetails,
  GatewayLogger,
  GatewayStatus,
  LocalGateway,
  LocalGatewayOptions,
} from './localGateway'
export {
  GATEWAY_ERROR,
  type GatewayFrame,
  type KickPushBody,
  type KickReplyBody,
  type LoginSuccessBody,
  type ReplyBody,
  type RequestHead,
  SERVCMD,
  type WireKickType,
} from './protocol'
export { type SignUserSigOptions, signUserSig } from './signUserSig'
export { startLocalGateway } from './startLocalGateway'
export { type UserSigClaim, type UserSigErrorCode, type UserSigVerdict, verifyUserSig } from './verifyUserSig'
