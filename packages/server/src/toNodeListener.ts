import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

/** A Web-standard handler, as `createUserSigHandler` returns. */
export type WebHandler = (request: Request) => Response | Promise<Response>

/**
 * Adapts a Web-standard handler to `node:http` (and to Connect/Express/Vite middleware, which take the same
 * `(req, res)` pair). The request body is streamed, not buffered, so the handler's size limit holds.
 *
 * @example
 * import { createServer } from 'node:http'
 * createServer(toNodeListener(createUserSigHandler(options))).listen(8080, '127.0.0.1')
 *
 * @example
 * // Vite plugin
 * configureServer(server) { server.middlewares.use('/api/usersig', toNodeListener(handler)) }
 */
export function toNodeListener(handler: WebHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    serve(handler, req, res).catch(() => {
      // Only reached when the connection broke while writing; there is nobody left to answer.
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  }
}

async function serve(handler: WebHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const controller = new AbortController()
  res.once('close', () => controller.abort())
  let response: Response
  try {
    response = await handler(toRequest(req, controller.signal))
  } catch {
    response = Response.json(
      { error: 'internal', message: 'The request could not be handled.' },
      { status: 500, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  res.statusCode = response.status
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  // A body the handler left unread (e.g. a 413) would otherwise keep the connection waiting for it.
  if (!req.complete) res.setHeader('connection', 'close')
  if (response.body && req.method !== 'HEAD') {
    for await (const chunk of response.body) res.write(chunk)
  }
  res.end()
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value !== undefined) headers.set(name, value)
  }
  const url = new URL(req.url ?? '/', `http://${safeHost(req.headers.host)}`)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  const init: RequestInit & { duplex?: 'half' } = { method: req.method ?? 'GET', headers, signal }
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>
    // Required by Node's fetch for a streamed request body.
    init.duplex = 'half'
  }
  return new Request(url, init)
}

/** The Host header only names the URL's origin; a malformed one must not make `new URL` throw. */
function safeHost(host: string | undefined): string {
  return host && /^[A-Za-z0-9.\-[\]:]+$/.test(host) ? host : 'localhost'
}
