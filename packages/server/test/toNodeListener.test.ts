import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { toNodeListener, type WebHandler } from '../src'

let server: Server | undefined

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  server = undefined
})

async function listen(handler: WebHandler): Promise<string> {
  server = createServer(toNodeListener(handler))
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

it('hands the handler the method, URL, headers and streamed body, and writes its answer back', async () => {
  const base = await listen(async (request) => {
    const body = await request.text()
    const headers = new Headers({ 'x-echo': request.headers.get('x-test') ?? '' })
    headers.append('set-cookie', 'a=1')
    headers.append('set-cookie', 'b=2')
    return Response.json(
      { method: request.method, path: new URL(request.url).pathname, body },
      { status: 201, headers },
    )
  })
  const res = await fetch(`${base}/some/path?q=1`, {
    method: 'POST',
    headers: { 'x-test': 'hi' },
    body: 'payload',
  })
  expect(res.status).toBe(201)
  expect(res.headers.get('x-echo')).toBe('hi')
  expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
  expect(await res.json()).toEqual({ method: 'POST', path: '/some/path', body: 'payload' })
})

it('answers 500 with a generic JSON error when the handler throws', async () => {
  const base = await listen(() => {
    throw new Error('internal detail that must not leak')
  })
  const res = await fetch(base, { method: 'POST', body: '{}' })
  expect(res.status).toBe(500)
  const text = await res.text()
  expect(text).not.toContain('internal detail')
  expect(JSON.parse(text)).toEqual({ error: 'internal', message: 'The request could not be handled.' })
})

it('survives a malformed Host header', async () => {
  const base = await listen((request) => new Response(new URL(request.url).host))
  // fetch() cannot set Host, so a raw request.
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(base, { headers: { host: 'bad host/evil' } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve(body))
    })
    req.on('error', reject)
    req.end()
  })
  expect(text).toBe('localhost')
})
