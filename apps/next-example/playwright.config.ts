import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

/** Where `next start` serves the example in the e2e (the gateway's port is in chatConfig.ts). */
export const EXAMPLE_PORT = 3100
const baseURL = `http://127.0.0.1:${EXAMPLE_PORT}`

/**
 * End-to-end test of the Next.js example: `next start` (a production build: run `next build` first) with its
 * local gateway, the real SDK in Debian's Chromium. Reports land beside the root's, in reports/.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: '../../reports/e2e-next',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: '../../reports/playwright-next.json' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `pnpm exec next start --hostname 127.0.0.1 --port ${EXAMPLE_PORT}`,
    url: `${baseURL}/`,
    // Cloud credentials from the caller's shell must not switch the example away from the local gateway.
    env: { CHAT_SECRET_KEY: '', GATEWAY_HELLO_INTERVAL: '1', NEXT_TELEMETRY_DISABLED: '1' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
