import type { IncomingMessage, ServerResponse } from 'node:http'
import { toGatewayFault } from './gatewayFault'
import type { GatewayKickType, LocalGateway } from './localGateway'
import { WIRE_KICK_TYPE } from './protocol'

/**
 * Path prefix of the admin routes, on the same port as the websocket.
 *
 * @example
 * const res = await fetch(`http://127.0.0.1:${gateway.port}${ADMIN_PREFIX}/sessions`)
 */
export const ADMIN_PREFIX = '/__admin'

const MAX_BODY_BYTES = 16 * 1024
const OK = { ok: true } as const
const KICK_TYPES = Object.keys(WIRE_KICK_TYPE) as GatewayKickType[]

type JsonBody = Readonly<Record<string, unknown>>
type Route = (body: JsonBody) => unknown | Promise<unknown>

class BadRequest extends Error {}

/**
 * Builds the HTTP handler for the admin routes, so a browser page or another process can drive the gateway.
 * JSON in, JSON out; errors are `{error}` with status 400/403/404/405. CORS: any loopback origin
 * (`localhost`, `*.localhost`, `127.x.x.x`, `[::1]`, any port) is allowed and echoed; other origins get 403.
 * Requests without an `Origin` (curl, Node `fetch`) are allowed.
 *
 * | Route | Body | Answer |
 * |---|---|---|
 * | `GET /__admin/status` | | `GatewayStatus` |
 * | `GET /__admin/sessions` | | `{sessions: {userID: count}}` |
 * | `POST /__admin/kick` | `{userID, type: 'multi-account' \| 'multi-device' \| 'rest-api'}` | `{kicked}` |
 * | `POST /__admin/expire` | `{userID}` | `{expired}` |
 * | `POST /__admin/drop` | | `{dropped}` |
 * | `POST /__admin/outage` | `{ms}` | `{ok: true}` at once (the outage runs on) |
 * | `POST /__admin/pause` | | `{ok: true}` |
 * | `POST /__admin/resume` | | `{ok: true}` |
 * | `POST /__admin/latency` | `{ms}` | `{ok: true}` |
 * | `POST /__admin/fail-next-login` | `{code, message?}` | `{ok: true}` |
 * | `POST /__admin/hang-next-login` | | `{ok: true}` |
 * | `POST /__admin/disarm` | | `{disarmed}`: the fail/hang arms no login had taken, dropped |
 * | `POST /__admin/fault` | `{fault: 'none' \| 'black-hole' \| 'hang-login'}` | `{ok: true}` |
 * | `POST /__admin/usersig` | `{userID, expireSeconds?}` | `{userSig}` (dev only: signs with the app key) |
 *
 * @returns a handler that answers admin requests and resolves `true`, or resolves `false` for other paths.
 * @example
 * await fetch(`${gateway.adminUrl}/kick`, { method: 'POST', body: JSON.stringify({ userID: 'alice', type: 'rest-api' }) })
 */
export function createAdminHandler(
  gateway: LocalGateway,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const get: Readonly<Record<string, Route>> = {
    status: () => gateway.status(),
    sessions: () => ({ sessions: gateway.sessions() }),
  }
  const post: Readonly<Record<string, Route>> = {
    kick: (b) => ({ kicked: gateway.kick(text(b, 'userID'), kickType(b)) }),
    expire: (b) => ({ expired: gateway.expire(text(b, 'userID')) }),
    drop: () => ({ dropped: gateway.dropConnections() }),
    outage: (b) => {
      // Not awaited: the caller wants to act during the outage, not after it.
      void gateway.outage(count(b, 'ms'))
      return OK
    },
    pause: () => {
      gateway.pause()
      return OK
    },
    resume: () => {
      gateway.resume()
      return OK
    },
    latency: (b) => {
      gateway.setLatency(count(b, 'ms'))
      return OK
    },
    'fail-next-login': (b) => {
      gateway.failNextLogin(code(b), optionalText(b, 'message'))
      return OK
    },
    'hang-next-login': () => {
      gateway.hangNextLogin()
      return OK
    },
    disarm: () => ({ disarmed: gateway.disarmLogins() }),
    fault: (b) => {
      gateway.setFault(toGatewayFault(b.fault))
      return OK
    },
    usersig: async (b) => ({
      userSig: await gateway.issueUserSig(text(b, 'userID'), optionalCount(b, 'expireSeconds')),
    }),
  }

  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://gateway').pathname
    if (path !== ADMIN_PREFIX && !path.startsWith(`${ADMIN_PREFIX}/`)) return false
    const origin = req.headers.origin
    if (origin !== undefined) {
      if (!isLoopbackOrigin(origin)) {
        send(res, 403, { error: 'origin not allowed: the admin routes accept loopback origins only' })
        return true
      }
      res.setHeader('Access-Control-Allow-Origin', origin)
      res.setHeader('Vary', 'Origin')
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
      res.setHeader('Access-Control-Allow-Headers', 'content-type')
      res.setHeader('Access-Control-Max-Age', '600')
      res.writeHead(204).end()
      return true
    }
    const name = path.slice(ADMIN_PREFIX.length + 1)
    const table = req.method === 'GET' ? get : req.method === 'POST' ? post : undefined
    const route = table && Object.hasOwn(table, name) ? table[name] : undefined
    if (!route) {
      const known = Object.hasOwn(get, name) || Object.hasOwn(post, name)
      send(res, known ? 405 : 404, { error: known ? 'method not allowed' : `unknown admin route: ${path}` })
      return true
    }
    try {
      const body = req.method === 'POST' ? await readJson(req) : {}
      send(res, 200, await route(body))
    } catch (error) {
      const bad = error instanceof BadRequest || error instanceof RangeError || error instanceof TypeError
      send(res, bad ? 400 : 500, { error: error instanceof Error ? error.message : 'internal error' })
    }
    return true
  }
}

/**
 * True for `http(s)://` origins on localhost, `*.localhost`, 127.0.0.0/8 or `[::1]`, any port.
 *
 * @example
 * isLoopbackOrigin('http://localhost:5173') // true
 * isLoopbackOrigin('http://localhost.evil.example') // false
 */
export function isLoopbackOrigin(origin: string): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  const host = url.hostname
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  )
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const json = JSON.stringify(payload)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(json)
}

async function readJson(req: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > MAX_BODY_BYTES) throw new BadRequest('body too large')
    chunks.push(buf)
  }
  const raw = Buffer.concat(chunks).toString('utf8').trim()
  if (raw === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new BadRequest('body is not JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequest('body must be a JSON object')
  }
  return parsed as JsonBody
}

function text(body: JsonBody, key: string): string {
  const value = body[key]
  if (typeof value !== 'string' || value === '') throw new BadRequest(`${key} must be a non-empty string`)
  return value
}

function optionalText(body: JsonBody, key: string): string | undefined {
  return body[key] === undefined ? undefined : text(body, key)
}

function count(body: JsonBody, key: string): number {
  const value = body[key]
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new BadRequest(`${key} must be a number >= 0`)
  }
  return value
}

function optionalCount(body: JsonBody, key: string): number | undefined {
  return body[key] === undefined ? undefined : count(body, key)
}

function code(body: JsonBody): number {
  const value = body.code
  if (typeof value !== 'number' || !Number.isInteger(value) || value === 0) {
    throw new BadRequest('code must be a non-zero integer')
  }
  return value
}

function kickType(body: JsonBody): GatewayKickType {
  const value = body.type
  if (!KICK_TYPES.includes(value as GatewayKickType)) {
    throw new BadRequest(`type must be one of ${KICK_TYPES.join(', ')}`)
  }
  return value as GatewayKickType
}
