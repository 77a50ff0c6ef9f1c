import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { type RawData, WebSocketServer } from 'ws'
import { signUserSig } from '../sig/signUserSig'
import { createAdminHandler } from './adminRoutes'
import { createConnectionPool } from './connectionPool'
import { createRestApi } from './createRestApi'
import { type GatewayFault, swallowsRequest, toGatewayFault } from './gatewayFault'
import { createGatewayTimers } from './gatewayTimers'
import type { GatewayStatus, LocalGateway, LocalGatewayOptions } from './localGateway'
import { parseFrame, WIRE_KICK_TYPE, type WireKickType } from './protocol'
import { resolveGatewayOptions } from './resolveGatewayOptions'
import { SessionService } from './sessionService'

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
  const { sdkAppId, secretKey, host, helloInterval, log } = resolveGatewayOptions(options)

  const timers = createGatewayTimers()
  const resumeWaiters: Array<() => void> = []
  let resumeTimer: NodeJS.Timeout | undefined
  let latencyMs = 0
  let paused = false
  let fault: GatewayFault = 'none'
  let closing: Promise<void> | undefined
  let port = 0

  const server = createServer()
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })

  const onFrame = (connectionId: number, data: RawData): void => {
    if (paused || closing) return
    const frame = parseFrame(data)
    if (frame && swallowsRequest(fault, frame))
      log.debug('frame swallowed', { fault, servcmd: frame.head.servcmd })
    else if (frame && restApi.refusesLogin(frame, (refusal) => connections.send(connectionId, refusal)))
      log.info('login refused: sig invalidated by a REST API kick')
    else if (frame) service.handleFrame(connectionId, frame)
    else log.debug('ignored a malformed frame', { connection: connectionId })
  }

  const connections = createConnectionPool({
    log,
    timers,
    latencyMs: () => latencyMs,
    blackHole: () => fault === 'black-hole',
    onMessage: onFrame,
    onClosed: (connectionId) => service.connectionClosed(connectionId),
  })

  const service = new SessionService({
    sdkAppId,
    secretKey,
    helloInterval,
    logger: log,
    transport: { send: connections.send, latencyMs: () => latencyMs },
  })

  const restApi = createRestApi({ sdkAppId, secretKey, kick: (userID) => gateway.kick(userID, 'rest-api') })

  const cancelResumeTimer = (): void => {
    if (resumeTimer) timers.cancel(resumeTimer)
    resumeTimer = undefined
  }

  const settleResume = (): void => {
    cancelResumeTimer()
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
      const count = connections.terminateAll()
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
      resumeTimer = timers.later(ms, () => {
        resumeTimer = undefined
        gateway.resume()
      })
      return resumed
    },
    pause() {
      // An explicit pause outlasts a running outage: only resume() ends it now.
      cancelResumeTimer()
      if (!paused) log.info('paused')
      paused = true
      connections.terminateAll()
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
    disarmLogins: () => service.disarmLogins(),
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
        armedLogins: service.armedLogins(),
      }
    },
    close() {
      closing ??= (async () => {
        timers.clear()
        resumeTimer = undefined
        for (const resolve of resumeWaiters.splice(0)) resolve()
        await connections.close()
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
      connections.refuse(socket)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => connections.open(ws, req))
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
