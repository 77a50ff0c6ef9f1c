import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { verifyUserSig } from '@chat-session/testing'
import { build, type Plugin } from 'esbuild'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as EdgeEntry from '../src/edge'
import { referenceUserSig } from './_tlsSigApi'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const APP_ID = 1_400_000_123
const KEY = 'edge-test-key-0f1e2d3c4b5a69788796a5b4c3d2e1f0'

afterEach(() => {
  vi.useRealTimers()
})

type ExportTarget = string | { readonly [condition: string]: ExportTarget }

/** Node's exports-map matching: the first key (in file order) that is one of the runtime's conditions wins. */
function resolveExport(target: ExportTarget, conditions: readonly string[]): string | null {
  if (typeof target === 'string') return target
  for (const [condition, next] of Object.entries(target)) {
    if (condition !== 'default' && !conditions.includes(condition)) continue
    const found = resolveExport(next, conditions)
    if (found !== null) return found
  }
  return null
}

const { exports } = JSON.parse(readFileSync(here('../package.json'), 'utf8')) as {
  exports: { '.': ExportTarget; './node': ExportTarget }
}

/** Forbids every Node builtin, so the bundle proves the code needs nothing but Web APIs. */
const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(build) {
    const names = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))
    build.onResolve({ filter: /.*/ }, ({ path, importer }) =>
      names.has(path) || path.startsWith('node:')
        ? { errors: [{ text: `${path} is a Node builtin (imported by ${importer})` }] }
        : undefined,
    )
  },
}

/** Bundles an entry for a neutral platform (no Node resolution, nothing external) into one script. */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [here(entry)],
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'iife',
    globalName: 'entry',
    // The workspace's core from source, like every other test here.
    conditions: ['source'],
    mainFields: ['module', 'main'],
    plugins: [noNodeBuiltins],
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

/** Runs a bundle in a fresh V8 context that has the Web APIs an edge runtime offers and nothing of Node's. */
function runAsEdge(code: string, globals: Record<string, unknown> = {}): typeof EdgeEntry {
  const context = {
    crypto,
    CompressionStream,
    TextEncoder,
    TextDecoder,
    Request,
    Response,
    Headers,
    ReadableStream,
    URL,
    atob,
    btoa,
    console,
    ...globals,
  }
  return runInNewContext(`${code}; entry`, context) as typeof EdgeEntry
}

const post = (userID: string) =>
  new Request('https://example.test/api/usersig', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userID }),
  })

async function timeOf(userSig: string): Promise<number> {
  const bytes = Uint8Array.from(
    atob(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')),
    (c) => c.charCodeAt(0),
  )
  const doc = new Response(new Response(bytes).body!.pipeThrough(new DecompressionStream('deflate')))
  return ((await doc.json()) as { 'TLS.time': number })['TLS.time']
}

describe('the export conditions', () => {
  it.each([
    ['Next.js edge route (webpack)', ['edge-light', 'import', 'module'], 'edge'],
    ['Next.js edge route (Turbopack)', ['edge-light', 'worker', 'browser', 'import', 'module'], 'edge'],
    ['Vercel Edge Functions', ['edge-light', 'import'], 'edge'],
    ['Cloudflare Workers (wrangler)', ['workerd', 'worker', 'browser', 'import'], 'edge'],
    ['Deno', ['deno', 'node', 'import'], 'edge'],
    ['a WinterCG runtime', ['worker', 'import'], 'edge'],
    ['an unknown ESM runtime', ['import'], 'edge'],
    ['Bun', ['bun', 'node', 'import'], 'index'],
    ['Node', ['node', 'import'], 'index'],
    ['Next.js Node route / server component', ['react-server', 'node', 'import'], 'index'],
    ['Vite (browser)', ['browser', 'import', 'module', 'development'], 'browser'],
    ['webpack / Next.js client', ['browser', 'import', 'module', 'webpack', 'production'], 'browser'],
  ])('%s gets the %s build, with its types', (_, conditions, build) => {
    // `source` is this workspace's own condition (tests and type checks read src/); no app sets it.
    const { source: _source, ...published } = exports['.'] as Record<string, ExportTarget>
    expect(resolveExport(published, conditions)).toBe(`./dist/${build}.js`)
    expect(resolveExport(published, ['types', ...conditions])).toBe(`./dist/${build}.d.ts`)
  })

  it.each([
    ['TypeScript moduleResolution bundler', ['types', 'import']],
    ['Vite (browser)', ['browser', 'import', 'module']],
    ['Node', ['node', 'import']],
  ])('@chat-session/server/node is the Node build (with toNodeListener) under %s', (_, conditions) => {
    const { source: _source, ...published } = exports['./node'] as Record<string, ExportTarget>
    expect(resolveExport(published, conditions)).toBe(
      conditions.includes('types') ? './dist/index.d.ts' : './dist/index.js',
    )
  })
})

describe('the edge entry', () => {
  it('bundles with every Node builtin forbidden (and the check catches the Node entry, which has one)', async () => {
    await expect(bundle('../src/edge.ts')).resolves.toContain('createUserSigHandler')
    await expect(bundle('../src/index.ts')).rejects.toThrow(/node:stream is a Node builtin/)
  })

  it('signs in a context with only Web APIs: the sig tls-sig-api-v2 would write at that second', async () => {
    const { createUserSigHandler } = runAsEdge(await bundle('../src/edge.ts'))
    const handler = createUserSigHandler({
      sdkAppId: APP_ID,
      secretKey: KEY,
      expiresIn: 3600,
      authorize: () => 'edgy',
    })
    const res = await handler(post('edgy'))
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const { userSig, expiresAt } = (await res.json()) as { userSig: string; expiresAt: number }
    const time = await timeOf(userSig)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(time * 1000)
    expect(userSig).toBe(referenceUserSig(APP_ID, KEY, 'edgy', 3600))
    expect(expiresAt).toBe((time + 3600) * 1000)
  })

  it("signs a valid sig where CompressionStream is Next.js's throwing stub", async () => {
    const stub = function CompressionStream() {
      throw new Error('A Node.js API is used (CompressionStream) which is not supported in the Edge Runtime.')
    }
    const { createUserSigHandler } = runAsEdge(await bundle('../src/edge.ts'), { CompressionStream: stub })
    const handler = createUserSigHandler({
      sdkAppId: APP_ID,
      secretKey: KEY,
      expiresIn: 600,
      authorize: () => 'nx',
    })
    const res = await handler(post('nx'))
    expect(res.status).toBe(200)
    const { userSig, expiresAt } = (await res.json()) as { userSig: string; expiresAt: number }
    await expect(
      verifyUserSig(userSig, { sdkAppId: APP_ID, secretKey: KEY, userID: 'nx', now: expiresAt - 1000 }),
    ).resolves.toMatchObject({ ok: true, identifier: 'nx', expiresAt })
  })
})

describe('the browser entry', () => {
  it('throws at import, saying why', async () => {
    await expect(import('../src/browser')).rejects.toThrow(
      '@chat-session/server must not be bundled for the browser: it signs with your secret key.',
    )
  })
})
