/**
 * Hono recipe: the handler is already `(Request) => Promise<Response>`, so the route hands it `c.req.raw`.
 * The same app runs on Node (`@hono/node-server`), Bun, Deno and Cloudflare Workers.
 */
import type { Server } from 'node:http'
import { createUserSigHandler, type UserSigHandlerOptions } from '@chat-session/server'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

/**
 * The app: every method of `/api/usersig` goes to `createUserSigHandler(options)` (so others get its 405).
 *
 * @example
 * import { serve } from '@hono/node-server'
 * serve({ fetch: createHonoApp(options).fetch, port: 3000, hostname: '127.0.0.1' })
 */
export function createHonoApp(options: UserSigHandlerOptions): Hono {
  const handler = createUserSigHandler(options)
  const app = new Hono()
  app.all('/api/usersig', (c) => handler(c.req.raw))
  return app
}

/**
 * On Node: the app behind `@hono/node-server` (port 0 picks a free one).
 *
 * @example
 * serveHonoApp(options, { port: 3000, hostname: '127.0.0.1' })
 */
export function serveHonoApp(
  options: UserSigHandlerOptions,
  listen: { port: number; hostname: string },
): Server {
  return serve({ fetch: createHonoApp(options).fetch, ...listen }) as Server
}
