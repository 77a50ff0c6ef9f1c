export {
  type AuthorizeContext,
  createUserSigHandler,
  type UserSigAuthorization,
  type UserSigErrorCode,
  type UserSigHandler,
  type UserSigHandlerLogger,
  type UserSigHandlerOptions,
} from './createUserSigHandler'
export { createRateLimiter, type RateLimit, type RateLimiter } from './rateLimiter'
export { toNodeListener, type WebHandler } from './toNodeListener'
