// The handler's public types: its options, what `authorize` answers, its logger and its error codes.
import type { RateLimit, RateLimiter } from './rateLimiter'

/**
 * What `authorize` answers:
 * - a UserID: the request may have a UserSig for that user;
 * - `null` / `undefined`: nobody is signed in to the app (401);
 * - `{ error: 'unauthorized' | 'forbidden', message? }`: 401 or 403 with that message.
 */
export type UserSigAuthorization =
  | string
  | null
  | undefined
  | { readonly error: 'unauthorized' | 'forbidden'; readonly message?: string | undefined }

/** The second argument of `authorize`. */
export interface AuthorizeContext {
  /** The UserID the client asked for (`{"userID": …}` in the JSON body), already checked; null when absent. */
  readonly userID: string | null
}

/** Where the handler reports failures. Lines never contain the secret key or a UserSig. */
export interface UserSigHandlerLogger {
  warn(message: string): void
  error(message: string): void
}

/**
 * Options of {@link createUserSigHandler}. `sdkAppId`, `secretKey`, `expiresIn` and `authorize` are required.
 *
 * @example
 * createUserSigHandler({ sdkAppId, secretKey: process.env.CHAT_SECRET_KEY!, expiresIn: 86_400, authorize })
 */
export interface UserSigHandlerOptions {
  /** The app's SDKAppID (Chat console). */
  readonly sdkAppId: number
  /**
   * The app's secret key. Pass it from server-side configuration (an environment variable, a secret store);
   * the handler never sends, echoes or logs it.
   */
  readonly secretKey: string
  /** Lifetime of each UserSig in seconds, e.g. `7 * 86_400`. The engine refreshes ahead of expiry. */
  readonly expiresIn: number
  /**
   * Decides who the request is, from the app's own session (cookie, bearer token…). The body's `userID` is
   * only a claim: when the answer is a UserID and the body named another one, the request gets 403.
   */
  readonly authorize: (
    request: Request,
    context: AuthorizeContext,
  ) => UserSigAuthorization | Promise<UserSigAuthorization>
  /**
   * UserSigs per user: `{ max, windowMs }` for the built-in limiter (in memory, one process; default 10 per
   * minute), your own {@link RateLimiter} (e.g. shared by several instances through Redis), or `false` for none.
   */
  readonly rateLimit?: RateLimit | RateLimiter | false | undefined
  /** Largest accepted request body, in bytes. Default 1024 (the body is `{"userID": …}`). */
  readonly maxBodyBytes?: number | undefined
  /** Default `console`. */
  readonly logger?: UserSigHandlerLogger | undefined
  /** Clock for the rate limit (Unix ms), injectable for tests. Sigs are always stamped with the real clock. */
  readonly now?: (() => number) | undefined
}

/** Error codes of the JSON error answers (`{ error, message }`). */
export type UserSigErrorCode =
  | 'method-not-allowed'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'bad-request'
  | 'invalid-user-id'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'unavailable'
  | 'internal'

/** A Web-standard request handler: Node (through `toNodeListener`), Next.js route handlers, Bun, Deno… */
export type UserSigHandler = (request: Request) => Promise<Response>
