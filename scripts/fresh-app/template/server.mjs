// The fresh app's server: the built app from dist/, the UserSig endpoint (@chat-session/server) and, for
// local development, the gateway the real SDK talks to instead of Tencent Cloud (@chat-session/testing).
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { createUserSigHandler, toNodeListener } from '@chat-session/server'
import { startLocalGateway } from '@chat-session/testing/gateway'

const sdkAppId = Number(process.env.VITE_SDK_APP_ID)
// A made-up key for the local gateway; it signs sigs only it accepts, and never leaves this process.
const secretKey = process.env.CHAT_SECRET_KEY ?? 'fresh-app-dev-secret'
const port = Number(process.env.PORT ?? 5190)

const gateway = await startLocalGateway({
  sdkAppId,
  secretKey,
  port: Number(process.env.GATEWAY_PORT ?? 0),
  helloInterval: 1,
})
const userSig = toNodeListener(
  createUserSigHandler({
    sdkAppId,
    secretKey,
    expiresIn: 86_400,
    // A demo without accounts: whoever is typed in is who asks. A real app answers from its own session.
    authorize: (_request, { userID }) => userID,
  }),
)

const dist = join(import.meta.dirname, 'dist')
const types = new Map([
  ['.html', 'text/html'],
  ['.js', 'text/javascript'],
  ['.css', 'text/css'],
  ['.svg', 'image/svg+xml'],
])

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://app').pathname
  if (path === '/api/usersig') return userSig(req, res)
  const file = normalize(join(dist, path === '/' ? 'index.html' : path))
  const body = file.startsWith(dist) ? await readFile(file).catch(() => null) : null
  if (!body) {
    res.writeHead(404).end()
    return
  }
  res.writeHead(200, { 'content-type': types.get(extname(file)) ?? 'application/octet-stream' }).end(body)
})
server.listen(port, '127.0.0.1', () => {
  console.log(`fresh app on http://127.0.0.1:${port}/, gateway ${gateway.url}`)
})
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close()
    void gateway.close().then(() => process.exit(0))
  })
}
