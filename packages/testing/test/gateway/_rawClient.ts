/** A bare websocket client speaking the gateway's frame format, for protocol-level tests without the SDK. */
import { WebSocket } from 'ws'
import { APP_ID } from './_sdk'

export interface ReceivedFrame {
  readonly head: Record<string, unknown> & { servcmd: string; seq: number }
  readonly body: Record<string, unknown>
  readonly binary: boolean
}

export class RawClient {
  readonly frames: ReceivedFrame[] = []
  #seq = 1000
  readonly #ws: WebSocket

  private constructor(ws: WebSocket) {
    this.#ws = ws
    ws.on('message', (data, isBinary) => {
      const parsed = JSON.parse(data.toString()) as Omit<ReceivedFrame, 'binary'>
      this.frames.push({ ...parsed, binary: isBinary })
    })
  }

  /** Opens `/binfo` (binary frames, like the SDK) or `/info` (text frames, SDK devMode). */
  static open(gatewayUrl: string, path: '/binfo' | '/info' = '/binfo'): Promise<RawClient> {
    const ws = new WebSocket(`${gatewayUrl}${path}?sdkappid=${APP_ID}&platform=7`)
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RawClient(ws)))
      ws.once('error', reject)
    })
  }

  /** Sends one request frame and returns its seq. */
  send(servcmd: string, head: Record<string, unknown> = {}, body: Record<string, unknown> = {}): number {
    const seq = this.#seq++
    this.#ws.send(Buffer.from(JSON.stringify({ head: { servcmd, seq, sdkappid: APP_ID, ...head }, body })))
    return seq
  }

  /** Sends a request and waits for the frame that answers it (same servcmd and seq). */
  async request(
    servcmd: string,
    head: Record<string, unknown> = {},
    body: Record<string, unknown> = {},
    timeoutMs = 2000,
  ): Promise<ReceivedFrame> {
    const seq = this.send(servcmd, head, body)
    return this.waitForFrame((f) => f.head.servcmd === servcmd && f.head.seq === seq, timeoutMs)
  }

  async waitForFrame(match: (frame: ReceivedFrame) => boolean, timeoutMs = 2000): Promise<ReceivedFrame> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.frames.find(match)
      if (found) return found
      if (Date.now() > deadline) throw new Error('no matching frame')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  sendRaw(data: string): void {
    this.#ws.send(data)
  }

  get isOpen(): boolean {
    return this.#ws.readyState === WebSocket.OPEN
  }

  /** Resolves once the socket is closed (by either side). */
  close(): Promise<void> {
    if (this.#ws.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => {
      this.#ws.once('close', () => resolve())
      this.#ws.close()
    })
  }

  closed(): Promise<void> {
    if (this.#ws.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => this.#ws.once('close', () => resolve()))
  }
}
