import { Redis } from 'ioredis'
import { createClient } from 'redis'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createRedisRateLimiter, RateLimiterUnavailableError, type RedisRateLimiterClient } from '../src'
import { json, SECRET_KEY, startTestServer, type TestServer } from './_http'
import { NO_REDIS_REASON, REDIS_SERVER_BIN, type RedisServer, startRedisServer } from './_redisServer'

interface ClientKind {
  readonly name: string
  connect(
    url: string,
  ): Promise<{ client: RedisRateLimiterClient; ready(): Promise<void>; quit(): Promise<void> }>
}

// Both clients as production should configure them: no offline queue (a refused request is not counted later),
// quick reconnects.
const kinds: ClientKind[] = [
  {
    name: 'redis (node-redis v5)',
    async connect(url) {
      const client = createClient({
        url,
        disableOfflineQueue: true,
        socket: { reconnectStrategy: () => 50, connectTimeout: 500 },
      })
      client.on('error', () => {})
      await client.connect()
      return {
        client,
        ready: () =>
          client.isReady ? Promise.resolve() : new Promise((r) => client.once('ready', () => r())),
        quit: async () => {
          client.destroy()
        },
      }
    },
  },
  {
    name: 'ioredis',
    async connect(url) {
      const client = new Redis(url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        retryStrategy: () => 50,
        lazyConnect: true,
      })
      client.on('error', () => {})
      await client.connect()
      return {
        client,
        ready: () =>
          client.status === 'ready' ? Promise.resolve() : new Promise((r) => client.once('ready', () => r())),
        quit: async () => {
          client.disconnect()
        },
      }
    },
  },
]

describe.skipIf(!REDIS_SERVER_BIN)(
  `createRedisRateLimiter on a real redis-server${REDIS_SERVER_BIN ? '' : ` (skipped: ${NO_REDIS_REASON})`}`,
  () => {
    let redis: RedisServer
    const servers: TestServer[] = []
    const quits: Array<() => Promise<void>> = []

    beforeAll(async () => {
      redis = await startRedisServer()
    })
    afterEach(async () => {
      for (const server of servers.splice(0)) {
        expect(server.logs.join('\n')).not.toContain(SECRET_KEY)
        await server.close()
      }
      for (const quit of quits.splice(0)) await quit()
      redis.thaw()
      await redis.start()
    })
    afterAll(async () => {
      await redis?.stop()
    })

    describe.each(kinds)('with $name', (kind) => {
      async function twoInstances(prefix: string, max = 5, extra: { timeoutMs?: number } = {}) {
        const made = await Promise.all([kind.connect(redis.url), kind.connect(redis.url)])
        for (const m of made) quits.push(m.quit)
        const [a, b] = await Promise.all(
          made.map((m) =>
            startTestServer({
              rateLimit: createRedisRateLimiter({
                client: m.client,
                prefix,
                max,
                windowMs: 60_000,
                retryAfterMs: 3_000,
                ...extra,
              }),
            }),
          ),
        )
        servers.push(a as TestServer, b as TestServer)
        return { a: a as TestServer, b: b as TestServer, made }
      }

      it('two handler instances share one limit exactly: max sigs per user, then 429 with Retry-After', async () => {
        const prefix = `t1:${kind.name}:`
        const { a, b } = await twoInstances(prefix)
        const answers = await Promise.all(
          Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).post({ userID: 'alice' })),
        )
        const ok = answers.filter((r) => r.status === 200)
        const limited = answers.filter((r) => r.status === 429)
        expect(ok).toHaveLength(5)
        expect(limited).toHaveLength(7)
        for (const r of limited) {
          expect(json(r).error).toBe('rate-limited')
          expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(59)
        }
        for (const r of ok) expect(typeof json(r).userSig).toBe('string')
        // Another user has a window of their own.
        expect((await b.post({ userID: 'bob' })).status).toBe(200)
      })

      it('Redis going away fails closed (503 with Retry-After, never a sig); Redis back: sigs again', async () => {
        const { a, b, made } = await twoInstances(`t2:${kind.name}:`)
        expect((await a.post({ userID: 'carol' })).status).toBe(200)

        await redis.stop()
        const during = await Promise.all([a, b, a, b].map((s) => s.post({ userID: 'carol' })))
        for (const r of during) {
          expect(r.status).toBe(503)
          expect(json(r)).toEqual({
            error: 'unavailable',
            message: 'The UserSig service is busy; try again in 3 s.',
          })
          expect(r.headers.get('retry-after')).toBe('3')
          expect(r.headers.get('cache-control')).toBe('no-store')
        }
        expect(a.logs.join('\n')).toMatch(/^error usersig: rate limiter failed: RateLimiterUnavailableError/m)

        await redis.start()
        await Promise.all(made.map((m) => m.ready()))
        // The restarted Redis is empty, and the refused requests were not queued up to count later: a full window.
        const after = await Promise.all(
          Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).post({ userID: 'carol' })),
        )
        expect(after.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 429])
      })

      it('a Redis that hangs (process stopped, sockets open) is a 503 after timeoutMs, not a hung request', async () => {
        const { a } = await twoInstances(`t3:${kind.name}:`, 5, { timeoutMs: 200 })
        expect((await a.post({ userID: 'dave' })).status).toBe(200)
        redis.freeze()
        const r = await a.post({ userID: 'dave' })
        redis.thaw()
        expect(r.status).toBe(503)
        expect(r.headers.get('retry-after')).toBe('3')
        expect(a.logs.join('\n')).toMatch(/no answer in 200 ms/)
      })
    })
  },
)

describe('createRedisRateLimiter without a server', () => {
  it('rejects bad options with a typed error naming the option', () => {
    const client = { runScript: async () => 0 }
    expect(() => createRedisRateLimiter({ client, max: 0, windowMs: 1000 })).toThrow(
      new RangeError('max must be a whole number >= 1'),
    )
    expect(() => createRedisRateLimiter({ client, max: 1, windowMs: 0.5 })).toThrow(/windowMs/)
    expect(() => createRedisRateLimiter({ client, max: 1, windowMs: 1000, timeoutMs: 0 })).toThrow(
      /timeoutMs/,
    )
    expect(() => createRedisRateLimiter({ client: {} as never, max: 1, windowMs: 1000 })).toThrow(
      new TypeError('client must be a redis or ioredis client'),
    )
  })

  it('a store answering nonsense is unavailable (503), not a free pass', async () => {
    const limiter = createRedisRateLimiter({
      client: { runScript: async () => 'OK' },
      max: 1,
      windowMs: 1000,
    })
    await expect(limiter.take('alice', 0)).rejects.toBeInstanceOf(RateLimiterUnavailableError)
    const server = await startTestServer({ rateLimit: limiter })
    try {
      const r = await server.post({ userID: 'alice' })
      expect(r.status).toBe(503)
      expect(r.headers.get('retry-after')).toBe('5')
    } finally {
      await server.close()
    }
  })

  it("any limiter's RateLimiterUnavailableError is a 503 with its Retry-After, also from another copy of the package", async () => {
    const copy = Object.assign(new Error('store offline'), {
      name: 'RateLimiterUnavailableError',
      retryAfterMs: 1_500,
    })
    for (const thrown of [new RateLimiterUnavailableError('store offline', { retryAfterMs: 7_200 }), copy]) {
      const server = await startTestServer({ rateLimit: { take: () => Promise.reject(thrown) } })
      try {
        const r = await server.post({ userID: 'erin' })
        expect(r.status).toBe(503)
        expect(r.headers.get('retry-after')).toBe(thrown === copy ? '2' : '8')
        expect(json(r)).not.toHaveProperty('userSig')
      } finally {
        await server.close()
      }
    }
  })

  it('passes the key, window and max to the script runner', async () => {
    const runScript = vi.fn(async () => 1234)
    const limiter = createRedisRateLimiter({ client: { runScript }, prefix: 'p:', max: 3, windowMs: 60_000 })
    expect(await limiter.take('alice', 0)).toBe(1234)
    expect(runScript).toHaveBeenCalledWith(expect.stringContaining('INCR'), ['p:alice'], ['60000', '3'])
  })
})
