/**
 * `@chat-session/testing/gateway`: a local emulator of the Tencent Chat session service for the real
 * `@tencentcloud/chat` SDK (Node only, on `ws`). See {@link startLocalGateway}.
 */

export { createNodeChat } from '../contract/createNodeChat'
export { type SignUserSigOptions, signUserSig } from '../sig/signUserSig'
// `UserSigClaim` is the name the gateway used before it shared the verifier with the fake.
export {
  type UserSigErrorCode,
  type UserSigVerdict,
  type VerifyUserSigOptions as UserSigClaim,
  type VerifyUserSigOptions,
  verifyUserSig,
} from '../sig/verifyUserSig'
export { ADMIN_PREFIX, createAdminHandler, isLoopbackOrigin } from './adminRoutes'
export {
  createRestApi,
  REST_ADMINS,
  REST_KICK_PATH,
  type RestApi,
  type RestApiOptions,
} from './createRestApi'
export { GATEWAY_FAULTS, type GatewayFault } from './gatewayFault'
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
export { startLocalGateway } from './startLocalGateway'
