/**
 * Test helpers: the handler behind a real `node:http` server on loopback, and a log that records every line
 * (the handler's logger and the console) so tests can prove the secret key never shows up.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createUserSigHandler, toNodeListener, type UserSigHandlerOptions } from '../src'

export const APP_ID = 1_400_000_077
export const SECRET_KEY = 'server-test-secret-5f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d'

export interface RecordedExchange {
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

export interface TestServer {
  readonly url: string
  /** Every line the handler logged. */
  readonly logs: string[]
  /** Every answer received through {@link TestServer.post} / {@link TestServer.request}. */
  readonly exchanges: RecordedExchange[]
  post(body: unknown, init?: RequestInit): Promise<RecordedExchange>
  request(init: RequestInit): Promise<RecordedExchange>
  close(): Promise<void>
}

export async function startTestServer(overrides: Partial<UserSigHandlerOptions> = {}): Promise<TestServer> {
  const logs: string[] = []
  const exchanges: RecordedExchange[] = []
  const handler = createUserSigHandler({
    sdkAppId: APP_ID,
    secretKey: SECRET_KEY,
    expiresIn: 600,
    // The demo's style: trust the body's userID (a real app checks its own session here).
    authorize: (_request, { userID }) => userID,
    logger: { warn: (line) => logs.push(`warn ${line}`), error: (line) => logs.push(`error ${line}`) },
    ...overrides,
  })
  const server = createServer(toNodeListener(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/usersig`
  const request = async (init: RequestInit): Promise<RecordedExchange> => {
    const res = await fetch(url, init)
    const exchange = { status: res.status, headers: res.headers, text: await res.text() }
    exchanges.push(exchange)
    return exchange
  }
  return {
    url,
    logs,
    exchanges,
    request,
    post: (body, init = {}) =>
      request({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        ...init,
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The parsed JSON of an answer. */
export function json(exchange: RecordedExchange): Record<string, unknown> {
  return JSON.parse(exchange.text) as Record<string, unknown>
}
