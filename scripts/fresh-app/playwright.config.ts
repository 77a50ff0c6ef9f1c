import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from '../chromium.mjs'

/**
 * The fresh app's end-to-end test in Chromium: `run.mjs` creates, installs and builds the app outside the
 * repository, then runs this with FRESH_APP_DIR, FRESH_APP_PORT, GATEWAY_PORT and SDK_APP_ID set.
 */
const env = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run node scripts/fresh-app/run.mjs`)
  return value
}
const root = fileURLToPath(new URL('../..', import.meta.url))
const baseURL = `http://127.0.0.1:${env('FRESH_APP_PORT')}`

export default defineConfig({
  testDir: '.',
  testMatch: 'freshApp.spec.ts',
  outputDir: `${root}/reports/fresh-app`,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: `${root}/reports/fresh-app.json` }]],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node server.mjs',
    cwd: env('FRESH_APP_DIR'),
    url: `${baseURL}/`,
    env: {
      PORT: env('FRESH_APP_PORT'),
      GATEWAY_PORT: env('GATEWAY_PORT'),
      VITE_SDK_APP_ID: env('SDK_APP_ID'),
    },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
