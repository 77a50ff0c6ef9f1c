/**
 * Next.js App Router recipe: `app/api/usersig/route.ts` exports one handler per HTTP method. Next.js answers a
 * method the file does not export with its own empty 405, so every method goes to the handler, which answers the
 * contract's JSON 405 itself. The same file works on the Node.js and the edge runtime (`export const runtime =
 * 'edge'` beside it): the package's export conditions pick the build.
 */
import { createUserSigHandler, type UserSigHandlerOptions } from '@chat-session/server'

/** A route module's method exports. */
export type NextRouteHandlers = Record<
  'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS',
  (request: Request) => Promise<Response>
>

/**
 * The route's exports, for `export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = …`.
 *
 * @example
 * // app/api/usersig/route.ts
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRouteHandlers({
 *   sdkAppId: Number(process.env.CHAT_SDK_APP_ID),
 *   secretKey: process.env.CHAT_SECRET_KEY!,
 *   expiresIn: 7 * 86_400,
 *   authorize: async (request) => (await getAppSession(request))?.chatUserID ?? null,
 * })
 */
export function nextRouteHandlers(options: UserSigHandlerOptions): NextRouteHandlers {
  const handler = createUserSigHandler(options)
  return {
    GET: handler,
    HEAD: handler,
    POST: handler,
    PUT: handler,
    PATCH: handler,
    DELETE: handler,
    OPTIONS: handler,
  }
}
