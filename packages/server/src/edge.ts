// The entry for edge and worker runtimes (Next.js `runtime = 'edge'`, Vercel, Cloudflare Workers, Deno, …):
// everything but `toNodeListener`, and nothing that imports a `node:` module.

export { ChatRestApiError, type ChatRestApiErrorKind } from './chatRestApiError'
export { type ChatAdmin, type ChatAdminOptions, createChatAdmin } from './createChatAdmin'
export {
  createRedisRateLimiter,
  type IoRedisClientLike,
  type NodeRedisClientLike,
  type RedisRateLimiterClient,
  type RedisRateLimiterOptions,
  type RedisScriptRunner,
} from './createRedisRateLimiter'
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
export { RateLimiterUnavailableError } from './rateLimiterUnavailableError'
