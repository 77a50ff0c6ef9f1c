#!/usr/bin/env node
// Screenshots of the main components from the built Storybook (run `pnpm build-storybook` first), in light and
// dark, and in Simplified Chinese, into docs/screenshots/. Uses Debian's chromium: `node scripts/storybook-screenshots.mjs`.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { chromium } from 'playwright'
import { chromiumLaunchOptions } from './chromium.mjs'

const root = 'storybook-static'
if (!existsSync(join(root, 'iframe.html'))) throw new Error('Build Storybook first: pnpm build-storybook')
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
}
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  )
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path)
  if (!existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end()
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
  createReadStream(file).pipe(res)
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const { port } = server.address()

const shots = [
  ['connection-banner', 'components-connectionbanner--offline', 'text=Waiting for network…'],
  ['connection-banner-outage', 'components-connectionbanner--long-outage', '[role=alert]'],
  ['kicked-offline-dialog', 'components-kickedofflinedialog--multi-device', 'dialog[open]'],
  [
    'kicked-offline-dialog-this-browser',
    'components-kickedofflinedialog--another-tab-of-this-browser',
    'dialog[open]',
  ],
  ['session-expired-dialog', 'components-sessionexpireddialog--forbidden-open', 'dialog[open]'],
]

const browser = await chromium.launch(chromiumLaunchOptions)
try {
  for (const theme of ['light', 'dark']) {
    const page = await browser.newPage({
      viewport: { width: 640, height: 400 },
      deviceScaleFactor: 2,
      colorScheme: theme,
    })
    for (const [name, id, ready] of shots) {
      await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`)
      await page.waitForSelector(ready, { timeout: 15_000 })
      await page.waitForTimeout(400)
      await page.screenshot({ path: `docs/screenshots/${name}-${theme}.png` })
      console.log(`docs/screenshots/${name}-${theme}.png`)
    }
    await page.close()
  }
  // Simplified Chinese, light: needs a CJK font on the machine (Debian: fonts-noto-cjk), else boxes.
  const page = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 })
  for (const [name, id, ready] of shots) {
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story&globals=locale:zh-CN`)
    await page.waitForSelector(ready.startsWith('text=') ? '.csk-banner:not([data-state="hidden"])' : ready, {
      timeout: 15_000,
    })
    await page.waitForTimeout(400)
    await page.screenshot({ path: `docs/screenshots/${name}-zh-CN.png` })
    console.log(`docs/screenshots/${name}-zh-CN.png`)
  }
} finally {
  await browser.close()
  server.close()
}
