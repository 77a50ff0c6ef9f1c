import { defineConfig } from '@playwright/test'
import { MAIN_PORT, mainURL, SHORT_TTL_PORT, SHORT_TTL_SECONDS, shortTtlURL } from './e2e/ports'
import { chromiumLaunchOptions } from './scripts/chromium.mjs'

/** Cloud credentials from the caller's shell must not switch the demo away from the local gateway. */
const localMode = { CHAT_SDK_APP_ID: '', CHAT_SECRET_KEY: '', GATEWAY_HELLO_INTERVAL: '1' }

/**
 * End-to-end tests of apps/demo in real Chromium (Debian's: Playwright cannot download browsers here).
 * Two demo servers, each with its own local gateway: the main one, and one issuing short-lived UserSigs.
 * One worker: an outage from the developer panel takes the whole gateway down, for every test using it.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'reports/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: mainURL,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: 'pnpm --filter @chat-session/demo dev',
      url: `${mainURL}/api/config`,
      env: { ...localMode, DEMO_PORT: String(MAIN_PORT) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'pnpm --filter @chat-session/demo dev',
      url: `${shortTtlURL}/api/config`,
      env: {
        ...localMode,
        DEMO_PORT: String(SHORT_TTL_PORT),
        USERSIG_TTL_SECONDS: String(SHORT_TTL_SECONDS),
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
