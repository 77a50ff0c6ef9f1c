export {
  type AuthorizeContext,
  createUserSigHandler,
  type UserSigAuthorization,
  type UserSigErrorCode,
  type UserSigHandler,
  type UserSigHandlerLogger,
  type UserSigHandlerOptions,
} from './createUserSigHandler'
export type { RateLimit } from './rateLimiter'
export { toNodeListener, type WebHandler } from './toNodeListener'
