import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { type RawData, WebSocket, WebSocketServer } from 'ws'
import { signUserSig } from '../sig/signUserSig'
import { createAdminHandler } from './adminRoutes'
import { createRestApi } from './createRestApi'
import { type GatewayFault, swallowsRequest, toGatewayFault } from './gatewayFault'
import type { GatewayLogger, GatewayStatus, LocalGateway, LocalGatewayOptions } from './localGateway'
import { type GatewayFrame, parseFrame, WIRE_KICK_TYPE, type WireKickType } from './protocol'
import { SessionService } from './sessionService'

interface Connection {
  readonly id: number
  readonly ws: WebSocket
  /** `/binfo` sockets get binary frames; `/info` (SDK devMode) sockets get text frames. */
  readonly binary: boolean
  readonly closed: Promise<void>
}

const SILENT: GatewayLogger = { debug() {}, info() {}, warn() {}, error() {} }
const DEFAULT_SIG_LIFETIME_S = 86_400

/**
 * Starts a local emulator of the Tencent Chat session service for the real `@tencentcloud/chat` SDK, on `ws`
 * (Node only). It verifies UserSigs for real, hands out a2 keys, answers heartbeats, applies the default
 * multi-instance policy (a newer login of a user kicks the older instance), and lets tests inject kicks,
 * expiry, drops, outages, latency and failing logins, from code or over HTTP (`createAdminHandler`).
 *
 * The SDK needs a global `WebSocket`: in Node assign the `ws` class to `globalThis.WebSocket` before `create`.
 *
 * @example
 * const gateway = await startLocalGateway({ sdkAppId: 1400000001, secretKey, helloInterval: 1 })
 * const chat = TencentCloudChat.create({ SDKAppID: 1400000001, proxyServer: gateway.url })
 * await chat.login({ userID: 'alice', userSig: await gateway.issueUserSig('alice') })
 * gateway.kick('alice', 'rest-api') // → KICKED_OUT {type: 'REST_API_Kick'}, then SDK_NOT_READY
 * await gateway.close()
 */
export async function startLocalGateway(options: LocalGatewayOptions): Promise<LocalGateway> {
  const { sdkAppId, secretKey } = options
  if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) {
    throw new RangeError('sdkAppId must be a positive integer')
  }
  if (typeof secretKey !== 'string' || secretKey === '') {
    throw new TypeError('secretKey must be a non-empty string')
  }
  const host = options.host ?? '127.0.0.1'
  const helloInterval = options.helloInterval ?? 10
  if (!Number.isInteger(helloInterval) || helloInterval < 1) {
    throw new RangeError('helloInterval must be a whole number of seconds >= 1')
  }
  const log = options.logger ?? SILENT

  const connections = new Map<number, Connection>()
  const refusedSockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const resumeWaiters: Array<() => void> = []
  let resumeTimer: NodeJS.Timeout | undefined
  let latencyMs = 0
  let paused = false
  let fault: GatewayFault = 'none'
  let closing: Promise<void> | undefined
  let nextConnectionId = 1
  let port = 0

  const server = createServer()
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })

  const later = (ms: number, fn: () => void): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      fn()
    }, ms)
    timers.add(timer)
    return timer
  }

  const sendFrame = (conn: Connection, frame: GatewayFrame<object>): void => {
    const payload = Buffer.from(JSON.stringify(frame), 'utf8')
    const deliver = () => {
      if (fault !== 'black-hole' && conn.ws.readyState === WebSocket.OPEN)
        conn.ws.send(payload, { binary: conn.binary })
    }
    if (latencyMs > 0) later(latencyMs, deliver)
    else deliver()
  }

  const service = new SessionService({
    sdkAppId,
    secretKey,
    helloInterval,
    logger: log,
    transport: {
      send: (connectionId, frame) => {
        const conn = connections.get(connectionId)
        if (!conn || conn.ws.readyState !== WebSocket.OPEN) return false
        sendFrame(conn, frame)
        return true
      },
      latencyMs: () => latencyMs,
    },
  })

  const restApi = createRestApi({ sdkAppId, secretKey, kick: (userID) => gateway.kick(userID, 'rest-api') })

  const onFrame = (conn: Connection, data: RawData): void => {
    if (paused || closing) return
    const frame = parseFrame(data)
    if (frame && swallowsRequest(fault, frame))
      log.debug('frame swallowed', { fault, servcmd: frame.head.servcmd })
    else if (frame && restApi.refusesLogin(frame, (refusal) => sendFrame(conn, refusal)))
      log.info('login refused: sig invalidated by a REST API kick')
    else if (frame) service.handleFrame(conn.id, frame)
    else log.debug('ignored a malformed frame', { connection: conn.id })
  }

  const onConnection = (ws: WebSocket, req: IncomingMessage): void => {
    const id = nextConnectionId++
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()))
    const conn: Connection = { id, ws, binary: !(req.url ?? '').startsWith('/info'), closed }
    connections.set(id, conn)
    log.debug('connection opened', { connection: id })
    ws.on('message', (data) => onFrame(conn, data))
    ws.on('error', (error) => log.warn('socket error', { connection: id, message: error.message }))
    ws.once('close', () => {
      connections.delete(id)
      service.connectionClosed(id)
      log.debug('connection closed', { connection: id })
    })
  }

  const refuse = (socket: Socket): void => {
    refusedSockets.add(socket)
    socket.once('close', () => refusedSockets.delete(socket))
    socket.on('error', () => {})
    socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  }

  const terminateAll = (): number => {
    const count = connections.size
    for (const conn of connections.values()) {
      conn.ws.terminate()
      // Forget it now rather than on the async 'close', so status() and kicks see the socket as gone at once.
      connections.delete(conn.id)
      service.connectionClosed(conn.id)
    }
    return count
  }

  const settleResume = (): void => {
    if (resumeTimer) {
      clearTimeout(resumeTimer)
      timers.delete(resumeTimer)
      resumeTimer = undefined
    }
    for (const resolve of resumeWaiters.splice(0)) resolve()
  }

  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host

  const gateway: LocalGateway = {
    get url() {
      return `ws://${urlHost}:${port}`
    },
    get adminUrl() {
      return `http://${urlHost}:${port}/__admin`
    },
    get port() {
      return port
    },
    kick(userID, type) {
      const wire: WireKickType | undefined = WIRE_KICK_TYPE[type]
      if (wire === undefined) throw new RangeError(`unknown kick type: ${String(type)}`)
      const count = service.kick(userID, wire)
      log.info('kick', { userID, type, instances: count })
      return count
    },
    expire(userID) {
      const count = service.expire(userID)
      log.info('expire', { userID, instances: count })
      return count
    },
    dropConnections() {
      const count = terminateAll()
      log.info('dropped connections', { count })
      return count
    },
    outage(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ms must be a number >= 0')
      const resumed = new Promise<void>((resolve) => resumeWaiters.push(resolve))
      if (closing) {
        settleResume()
        return resumed
      }
      gateway.pause()
      resumeTimer = later(ms, () => {
        resumeTimer = undefined
        gateway.resume()
      })
      return resumed
    },
    pause() {
      if (resumeTimer) {
        // An explicit pause outlasts a running outage: only resume() ends it now.
        clearTimeout(resumeTimer)
        timers.delete(resumeTimer)
        resumeTimer = undefined
      }
      if (!paused) log.info('paused')
      paused = true
      terminateAll()
    },
    resume() {
      if (paused) log.info('resumed')
      paused = false
      settleResume()
    },
    setLatency(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ms must be a number >= 0')
      latencyMs = ms
    },
    failNextLogin(code, message) {
      if (!Number.isInteger(code) || code === 0) throw new RangeError('code must be a non-zero integer')
      service.failNextLogin(code, message ?? `login failed (code ${code})`)
    },
    hangNextLogin() {
      service.hangNextLogin()
    },
    setFault(next) {
      fault = toGatewayFault(next)
      log.info('fault', { fault })
    },
    sessions() {
      return service.sessions()
    },
    issueUserSig(userID, expireSeconds = DEFAULT_SIG_LIFETIME_S) {
      return signUserSig({ sdkAppId, secretKey, userID, expireSeconds })
    },
    status(): GatewayStatus {
      return {
        url: gateway.url,
        adminUrl: gateway.adminUrl,
        port,
        sdkAppId,
        helloInterval,
        paused,
        fault,
        latencyMs,
        connections: connections.size,
      }
    },
    close() {
      closing ??= (async () => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        resumeTimer = undefined
        for (const resolve of resumeWaiters.splice(0)) resolve()
        const socketsClosed = [...connections.values()].map((c) => c.closed)
        terminateAll()
        for (const socket of refusedSockets) socket.destroy()
        await Promise.all(socketsClosed)
        await new Promise<void>((resolve) => wss.close(() => resolve()))
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        service.clear()
        log.info('closed', { port })
      })()
      return closing
    },
  }

  const admin = restApi.before(createAdminHandler(gateway))
  server.on('request', (req, res) => {
    admin(req, res).then(
      (handled) => {
        if (handled) return
        const upgradeNeeded = (req.url ?? '').startsWith('/binfo') || (req.url ?? '').startsWith('/info')
        res.writeHead(upgradeNeeded ? 426 : 404, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(upgradeNeeded ? 'websocket upgrade required\n' : 'not found\n')
      },
      (error: unknown) => {
        log.error('admin request failed', { message: error instanceof Error ? error.message : String(error) })
        if (!res.headersSent) res.writeHead(500)
        res.end()
      },
    )
  })
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    if (paused || closing) {
      refuse(socket)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req))
  })

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    server.once('error', onError)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port
  server.on('error', (error) => log.error('server error', { message: error.message }))
  log.info('listening', { url: gateway.url, sdkAppId, helloInterval })
  return gateway
}
