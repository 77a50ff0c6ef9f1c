import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifyUserSig } from '@chat-session/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExpressApp } from '../../../apps/server-recipes/src/expressApp'
import { serveHonoApp } from '../../../apps/server-recipes/src/honoApp'
import { type NextRouteHandlers, nextRouteHandlers } from '../../../apps/server-recipes/src/nextRouteHandlers'
import { createUserSigHandler, toNodeListener } from '../src'
import { APP_ID, SECRET_KEY } from './_http'
import { contractCases, contractMarkdown, contractOptions, everyAnswer } from './_userSigContract'

interface Recipe {
  readonly name: string
  /** Starts the app on a free loopback port; resolves its base URL and a close function. */
  start(): Promise<{ url: string; close(): Promise<void> }>
}

function listening(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const ready = () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    if (server.listening) ready()
    else server.once('listening', ready)
  })
}

/**
 * A route module behind a server that dispatches as Next.js does: the method's export, or an empty 405 when the
 * module has none (so a recipe that forgot a method fails the contract's JSON 405).
 */
function nextRoute(route: Partial<NextRouteHandlers>): Promise<{ url: string; close(): Promise<void> }> {
  const dispatch = (request: Request) =>
    route[request.method as keyof NextRouteHandlers]?.(request) ??
    Promise.resolve(new Response(null, { status: 405 }))
  return listening(createServer(toNodeListener(dispatch)).listen(0, '127.0.0.1'))
}

const recipes: Recipe[] = [
  {
    name: 'node:http (toNodeListener)',
    start: () =>
      listening(createServer(toNodeListener(createUserSigHandler(contractOptions()))).listen(0, '127.0.0.1')),
  },
  { name: 'Express 5', start: () => listening(createExpressApp(contractOptions()).listen(0, '127.0.0.1')) },
  {
    name: 'Hono (@hono/node-server)',
    start: () => listening(serveHonoApp(contractOptions(), { port: 0, hostname: '127.0.0.1' })),
  },
  {
    name: 'Next.js route handlers (app/api/usersig/route.ts)',
    start: () => nextRoute(nextRouteHandlers(contractOptions())),
  },
]

describe.each(recipes)('the UserSig contract on $name', (recipe) => {
  let app: { url: string; close(): Promise<void> }
  beforeAll(async () => {
    app = await recipe.start()
  })
  afterAll(() => app.close())

  it.each(contractCases)('$title → $status', async (c) => {
    const send = () => {
      const headers: Record<string, string> = {}
      if (c.contentType) headers['content-type'] = c.contentType
      if (c.appUser) headers['x-app-user'] = c.appUser
      return fetch(`${app.url}/api/usersig`, { method: c.method, headers, body: c.body })
    }
    for (let i = 0; i < (c.before ?? 0); i++) expect((await send()).status).toBe(200)
    const res = await send()
    const body = (await res.json()) as Record<string, unknown>
    expect(res.status).toBe(c.status)
    for (const [name, value] of Object.entries({ ...everyAnswer, ...c.headers })) {
      if (typeof value === 'string') expect(res.headers.get(name)).toBe(value)
      else expect(res.headers.get(name)).toMatch(value)
    }
    if (c.status === 200) {
      expect(body).toEqual({
        userSig: expect.any(String),
        expiresAt: expect.any(Number),
        serverTime: expect.any(Number),
      })
      const verdict = await verifyUserSig(body.userSig as string, {
        sdkAppId: APP_ID,
        secretKey: SECRET_KEY,
        userID: c.appUser,
      })
      expect(verdict.ok).toBe(true)
    } else {
      expect(body).toEqual({ error: c.error, message: expect.any(String) })
    }
  })
})

describe('the README', () => {
  it('shows the contract table the recipes are tested against (UPDATE_README=1 rewrites it)', () => {
    const path = new URL('../README.md', import.meta.url)
    const readme = readFileSync(path, 'utf8')
    const start = '<!-- contract-cases:start (generated from test/_userSigContract.ts) -->'
    const end = '<!-- contract-cases:end -->'
    const expected = `${start}\n${contractMarkdown()}\n${end}`
    const current = readme.slice(readme.indexOf(start), readme.indexOf(end) + end.length)
    if (process.env.UPDATE_README === '1' && current !== expected) {
      writeFileSync(path, readme.indexOf(start) < 0 ? readme : readme.replace(current, expected))
      return
    }
    expect(current).toBe(expected)
  })
})
