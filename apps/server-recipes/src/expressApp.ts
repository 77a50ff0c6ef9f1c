/**
 * Express 5 recipe: the UserSig endpoint as one route. Mount it before `express.json()` (or any body parser):
 * the handler reads and size-limits the body itself. `app.all`, so other methods get the endpoint's 405.
 */
import { createUserSigHandler, toNodeListener, type UserSigHandlerOptions } from '@chat-session/server/node'
import express, { type Express } from 'express'

/**
 * The app: `POST /api/usersig` answered by `createUserSigHandler(options)`, then the app's own JSON routes.
 *
 * @example
 * createExpressApp({ sdkAppId, secretKey: process.env.CHAT_SECRET_KEY!, expiresIn: 86_400, authorize })
 *   .listen(3000, '127.0.0.1')
 */
export function createExpressApp(options: UserSigHandlerOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.all('/api/usersig', toNodeListener(createUserSigHandler(options)))
  app.use(express.json()) // the app's other routes; after the endpoint
  return app
}
