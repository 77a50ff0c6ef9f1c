import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { DEV_SECRET_KEY } from '../apps/demo/server/demoConfig'
import { expect, test } from './_demo'

const run = promisify(execFile)

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a test uses from this pattern.
test('the production build contains neither the development secret nor a configured one', async ({}, testInfo) => {
  test.setTimeout(180_000)
  const outDir = testInfo.outputPath('dist')
  // A cloud secret in the build's environment must not leak either (it is server-side configuration).
  const cloudSecret = `e2e-cloud-secret-${Date.now()}-must-not-ship`
  await run('pnpm', ['--filter', '@chat-session/demo', 'build', '--outDir', outDir, '--emptyOutDir'], {
    env: { ...process.env, CHAT_SDK_APP_ID: '1400000123', CHAT_SECRET_KEY: cloudSecret, NO_COLOR: '1' },
    maxBuffer: 16 * 1024 * 1024,
  })

  const built = await files(outDir)
  expect(built.some((f) => f.endsWith('.js'))).toBe(true)
  expect(built.some((f) => f.endsWith('.map'))).toBe(true)
  let text = ''
  let code = ''
  for (const file of built) {
    const content = await readFile(file, 'utf8')
    // Booleans, so a failure names the file instead of printing megabytes of bundle.
    expect(content.includes(DEV_SECRET_KEY), `development secret in ${file}`).toBe(false)
    expect(content.includes(cloudSecret), `configured secret in ${file}`).toBe(false)
    text += content
    if (file.endsWith('.js')) code += content
  }
  // The right files were searched: the app is there; the development-only panel and the server side are not.
  expect(text.includes('Lantern Chat'), 'the app itself').toBe(true)
  expect(text.includes('Developer panel'), 'the developer panel').toBe(false)
  // The server's code, by strings minification keeps (its source maps may name it in the client's comments:
  // the client's userSigFromEndpoint is documented as createUserSigHandler's other half).
  expect(code.includes('secretKey must be a non-empty string'), 'the UserSig endpoint').toBe(false)
  expect(code.includes('must not be bundled for the browser'), 'the server package').toBe(false)
  expect(code.includes('genUserSig'), 'tls-sig-api-v2').toBe(false)
})

test('the dev server never serves the server-side code that holds the development secret', async ({
  request,
}) => {
  for (const path of ['/server/demoConfig.ts', '/server/demoBackend.ts', '/server/demoConfig.ts?raw']) {
    const res = await request.get(path)
    expect(res.status(), path).toBe(403)
    expect(await res.text()).not.toContain(DEV_SECRET_KEY)
  }
  const config = await (await request.get('/api/config')).text()
  expect(config).not.toContain(DEV_SECRET_KEY)
  expect(JSON.parse(config)).toMatchObject({
    mode: 'local',
    proxyServer: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:/),
  })
})
