/**
 * The demo's server side, mounted into Vite's dev and preview servers by the plugin in vite.config.ts:
 * the UserSig endpoint, a public config endpoint, the local gateway (local mode) and, in development only,
 * the controls the developer panel and the e2e tests use.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createUserSigHandler, toNodeListener } from '@chat-session/server'
import { type GatewayLogger, type LocalGateway, startLocalGateway } from '@chat-session/testing/gateway'
import type { DemoConfig, DemoMode } from './demoConfig'

/** What `GET /api/config` answers: everything the browser needs, nothing secret. */
export interface PublicDemoConfig {
  readonly mode: DemoMode
  readonly sdkAppId: number
  /** The local gateway's websocket URL, passed to the SDK as `proxyServer`; null for Tencent Cloud Chat. */
  readonly proxyServer: string | null
  /** The local gateway's admin routes, for the developer panel; null outside development or in cloud mode. */
  readonly adminUrl: string | null
  readonly userSigTtl: number
  readonly helloInterval: number | null
}

export interface DemoBackendLog {
  info(line: string): void
  warn(line: string): void
  error(line: string): void
}

export interface DemoBackend {
  /** Connect-style middleware: answers `/api/*`, passes everything else on. */
  readonly middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void
  readonly publicConfig: PublicDemoConfig
  close(): Promise<void>
}

const MAX_DEV_BODY = 1024

/**
 * Starts the gateway (local mode) and builds the `/api` routes.
 * - `POST /api/usersig` `{userID}` → `{userSig, expiresAt}` (403 for users the dev panel forbade)
 * - `GET /api/config` → {@link PublicDemoConfig}
 * - dev only: `POST /api/dev/forbid` `{userID, forbidden}` → `{forbidden: string[]}`
 *
 * @example
 * const backend = await startDemoBackend(readDemoConfig(process.env), { dev: true, log: console })
 * server.middlewares.use(backend.middleware)
 */
export async function startDemoBackend(
  config: DemoConfig,
  { dev, log }: { dev: boolean; log: DemoBackendLog },
): Promise<DemoBackend> {
  const gatewayLog: GatewayLogger = {
    // The gateway's lines never carry a sig or an a2 key; debug lines (every socket) are left out.
    debug() {},
    info: (message, details) => log.info(`[gateway] ${message}${format(details)}`),
    warn: (message, details) => log.warn(`[gateway] ${message}${format(details)}`),
    error: (message, details) => log.error(`[gateway] ${message}${format(details)}`),
  }
  let gateway: LocalGateway | null = null
  if (config.mode === 'local') {
    gateway = await startLocalGateway({
      sdkAppId: config.sdkAppId,
      secretKey: config.secretKey,
      port: config.gatewayPort,
      host: '127.0.0.1',
      helloInterval: config.helloInterval,
      logger: gatewayLog,
    })
  }

  // Users whose UserSig requests get 403, set from the developer panel (and by the e2e test).
  const forbidden = new Set<string>()
  const userSig = toNodeListener(
    createUserSigHandler({
      sdkAppId: config.sdkAppId,
      secretKey: config.secretKey,
      expiresIn: config.userSigTtl,
      // A demo has no accounts: whoever is typed in the form is who asks. A real app answers here from its
      // own session (cookie, token) and never trusts the body's userID.
      authorize: (_request, { userID }) => {
        if (userID === null) return { error: 'unauthorized', message: 'Send {"userID": …} in the body.' }
        if (forbidden.has(userID)) {
          return { error: 'forbidden', message: 'The developer panel turned UserSigs off for this user.' }
        }
        return userID
      },
      // Generous for clicking around in the panel; still shows a 429 when something loops.
      rateLimit: { max: 30, windowMs: 60_000 },
      logger: { warn: (line) => log.warn(line), error: (line) => log.error(line) },
    }),
  )

  const publicConfig: PublicDemoConfig = {
    mode: config.mode,
    sdkAppId: config.sdkAppId,
    proxyServer: gateway?.url ?? null,
    adminUrl: dev ? (gateway?.adminUrl ?? null) : null,
    userSigTtl: config.userSigTtl,
    helloInterval: gateway ? config.helloInterval : null,
  }

  const forbid = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readSmallJson(req)
    const userID = body?.userID
    if (typeof userID !== 'string' || typeof body?.forbidden !== 'boolean') {
      return sendJson(res, 400, { error: 'Send {"userID": string, "forbidden": boolean}.' })
    }
    if (body.forbidden) forbidden.add(userID)
    else forbidden.delete(userID)
    log.info(`[demo] UserSig endpoint ${body.forbidden ? 'forbids' : 'allows'} ${userID}`)
    sendJson(res, 200, { forbidden: [...forbidden] })
  }

  return {
    publicConfig,
    middleware(req, res, next) {
      const path = new URL(req.url ?? '/', 'http://demo').pathname
      if (path === '/api/usersig') return userSig(req, res)
      if (path === '/api/config') {
        return req.method === 'GET'
          ? sendJson(res, 200, publicConfig)
          : sendJson(res, 405, { error: 'GET only' })
      }
      if (dev && path === '/api/dev/forbid') {
        if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' })
        forbid(req, res).catch(() => sendJson(res, 400, { error: 'Bad request.' }))
        return
      }
      if (path.startsWith('/api/')) return sendJson(res, 404, { error: 'Not found.' })
      next()
    },
    close: async () => {
      await gateway?.close()
    },
  }
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  if (res.headersSent) return
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(payload))
}

async function readSmallJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  let raw = ''
  for await (const chunk of req) {
    raw += String(chunk)
    if (raw.length > MAX_DEV_BODY) return null
  }
  const parsed: unknown = JSON.parse(raw)
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null
}

function format(details: Readonly<Record<string, unknown>> | undefined): string {
  if (!details) return ''
  const parts = Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${String(value)}`)
  return parts.length ? ` (${parts.join(', ')})` : ''
}
