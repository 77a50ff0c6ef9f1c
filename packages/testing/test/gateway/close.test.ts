import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { SERVCMD, startLocalGateway } from '../../src/gateway'
import { RawClient } from './_rawClient'
import { APP_ID, SECRET_KEY, sign, sleep, waitFor } from './_sdk'

/** Counts of the libuv handle kinds a server can leak. */
function handles(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const kind of process.getActiveResourcesInfo()) {
    if (/TCP|Timeout|Immediate/.test(kind)) counts[kind] = (counts[kind] ?? 0) + 1
  }
  return counts
}

function adminGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // No keep-alive agent: the client side must not hold a socket of its own after the call.
    const req = request(url, { agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('startup and close()', () => {
  it('starts in well under a second', async () => {
    const started = performance.now()
    const gateway = await startLocalGateway({ sdkAppId: APP_ID, secretKey: SECRET_KEY })
    expect(performance.now() - started).toBeLessThan(500)
    expect(gateway.port).toBeGreaterThan(0)
    expect(gateway.url).toBe(`ws://127.0.0.1:${gateway.port}`)
    await gateway.close()
  })

  it('leaves no server, socket or timer behind, even with clients, latency and an outage in flight', async () => {
    await sleep(50) // let handles of earlier tests finish closing
    const before = handles()
    const gateway = await startLocalGateway({ sdkAppId: APP_ID, secretKey: SECRET_KEY, helloInterval: 1 })
    const client = await RawClient.open(gateway.url)
    await client.request(SERVCMD.login, { identifier: 'alice', usersig: sign('alice') })
    expect(await adminGet(`${gateway.adminUrl}/status`)).toBe(200)
    gateway.setLatency(10_000)
    client.send(SERVCMD.alive) // its reply now waits on a 10 s timer
    const idle = await RawClient.open(gateway.url)
    let outageOver = false
    void gateway.outage(60_000).then(() => (outageOver = true)) // pending resume timer
    await idle.closed()

    // A keep-alive HTTP connection (fetch pools it) must not hold close() up for the 5 s keep-alive timeout.
    expect((await fetch(`${gateway.adminUrl}/sessions`)).status).toBe(200)

    const reconnect = RawClient.open(gateway.url).catch((error: Error) => error)
    const closeStarted = performance.now()
    await gateway.close()
    expect(performance.now() - closeStarted).toBeLessThan(1000)
    await gateway.close() // idempotent
    await client.closed()
    expect(await reconnect).toBeInstanceOf(Error)
    expect(outageOver).toBe(true)
    expect(gateway.status().connections).toBe(0)

    // The listening socket is gone: a new connection is refused.
    const refused = await new Promise<Error>((resolve) => {
      const ws = new WebSocket(gateway.url)
      ws.on('error', resolve)
    })
    expect((refused as NodeJS.ErrnoException).code).toBe('ECONNREFUSED')

    // Nothing of the gateway may outlive close(): no more servers, sockets or timers than before it started.
    const noExtra = () => Object.entries(handles()).every(([kind, n]) => n <= (before[kind] ?? 0))
    await waitFor(noExtra, 2000, 'handles to settle').catch(() => {})
    for (const [kind, n] of Object.entries(handles())) expect(n, kind).toBeLessThanOrEqual(before[kind] ?? 0)
  })

  it('rejects when the port is taken, and bad options up front', async () => {
    const first = await startLocalGateway({ sdkAppId: APP_ID, secretKey: SECRET_KEY })
    await expect(
      startLocalGateway({ sdkAppId: APP_ID, secretKey: SECRET_KEY, port: first.port }),
    ).rejects.toThrow(/EADDRINUSE/)
    await first.close()
    await expect(startLocalGateway({ sdkAppId: 0, secretKey: SECRET_KEY })).rejects.toThrow(RangeError)
    await expect(startLocalGateway({ sdkAppId: APP_ID, secretKey: '' })).rejects.toThrow(TypeError)
    await expect(startLocalGateway({ sdkAppId: APP_ID, secretKey: 'k', helloInterval: 0.5 })).rejects.toThrow(
      RangeError,
    )
    await sleep(0)
  })
})
