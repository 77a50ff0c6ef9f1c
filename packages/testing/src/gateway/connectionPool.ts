import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { type RawData, WebSocket } from 'ws'
import type { GatewayTimers } from './gatewayTimers'
import type { GatewayLogger } from './localGateway'
import type { GatewayFrame } from './protocol'

interface Connection {
  readonly id: number
  readonly ws: WebSocket
  /** `/binfo` sockets get binary frames; `/info` (SDK devMode) sockets get text frames. */
  readonly binary: boolean
  readonly closed: Promise<void>
}

/** What the pool needs from the gateway: its log, timers, current latency and fault, and where frames go. */
export interface ConnectionPoolOptions {
  readonly log: GatewayLogger
  readonly timers: GatewayTimers
  /** Delay before each frame goes out, in ms. */
  latencyMs(): number
  /** While true, frames are dropped instead of sent (the `black-hole` fault). */
  blackHole(): boolean
  onMessage(connectionId: number, data: RawData): void
  /** The socket closed or was terminated (may be called twice for one connection). */
  onClosed(connectionId: number): void
}

/** The gateway's open sockets, and the upgrade requests it refused while paused. */
export interface ConnectionPool {
  readonly size: number
  /** Takes over a socket the websocket server just accepted. */
  open(ws: WebSocket, req: IncomingMessage): void
  /** Sends `frame` on the connection if it is open (after the latency); `false` when it is not. */
  send(connectionId: number, frame: GatewayFrame<object>): boolean
  /** Answers an upgrade request with 503 and keeps the socket until it closes, so `close()` can end it. */
  refuse(socket: Socket): void
  /** Terminates every socket at once; returns how many there were. */
  terminateAll(): number
  /** Terminates every socket and refused socket, and resolves once the sockets have closed. */
  close(): Promise<void>
}

/**
 * Creates the gateway's connection pool.
 *
 * @example
 * const pool = createConnectionPool({ log, timers, latencyMs: () => 0, blackHole: () => false, onMessage, onClosed })
 * wss.handleUpgrade(req, socket, head, (ws) => pool.open(ws, req))
 */
export function createConnectionPool(options: ConnectionPoolOptions): ConnectionPool {
  const { log } = options
  const connections = new Map<number, Connection>()
  const refusedSockets = new Set<Socket>()
  let nextConnectionId = 1

  const sendFrame = (conn: Connection, frame: GatewayFrame<object>): void => {
    const payload = Buffer.from(JSON.stringify(frame), 'utf8')
    const deliver = () => {
      if (!options.blackHole() && conn.ws.readyState === WebSocket.OPEN)
        conn.ws.send(payload, { binary: conn.binary })
    }
    const latencyMs = options.latencyMs()
    if (latencyMs > 0) options.timers.later(latencyMs, deliver)
    else deliver()
  }

  const pool: ConnectionPool = {
    get size() {
      return connections.size
    },
    open(ws, req) {
      const id = nextConnectionId++
      const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()))
      const conn: Connection = { id, ws, binary: !(req.url ?? '').startsWith('/info'), closed }
      connections.set(id, conn)
      log.debug('connection opened', { connection: id })
      ws.on('message', (data) => options.onMessage(id, data))
      ws.on('error', (error) => log.warn('socket error', { connection: id, message: error.message }))
      ws.once('close', () => {
        connections.delete(id)
        options.onClosed(id)
        log.debug('connection closed', { connection: id })
      })
    },
    send(connectionId, frame) {
      const conn = connections.get(connectionId)
      if (!conn || conn.ws.readyState !== WebSocket.OPEN) return false
      sendFrame(conn, frame)
      return true
    },
    refuse(socket) {
      refusedSockets.add(socket)
      socket.once('close', () => refusedSockets.delete(socket))
      socket.on('error', () => {})
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    },
    terminateAll() {
      const count = connections.size
      for (const conn of connections.values()) {
        conn.ws.terminate()
        // Forget it now rather than on the async 'close', so status() and kicks see the socket as gone at once.
        connections.delete(conn.id)
        options.onClosed(conn.id)
      }
      return count
    },
    async close() {
      const socketsClosed = [...connections.values()].map((c) => c.closed)
      pool.terminateAll()
      for (const socket of refusedSockets) socket.destroy()
      await Promise.all(socketsClosed)
    },
  }
  return pool
}
