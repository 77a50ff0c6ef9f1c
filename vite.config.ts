import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'
import { chromiumLaunchOptions } from './scripts/chromium.mjs'

// The React 18 run: the same test files, with React and the libraries that import it taken from tests/react18,
// whose dependencies pnpm installs against react@18.
const react18 = createRequire(new URL('./tests/react18/package.json', import.meta.url))
const onReact18 = ['react', 'react-dom', '@testing-library/react', '@tanstack/react-query'].map((name) => ({
  find: new RegExp(`^${name.replace('/', '\\/')}(/.*)?$`),
  replacement: `${dirname(react18.resolve(`${name}/package.json`))}$1`,
}))

// Real Chromium for the component tests and the stories: Debian's chromium (Playwright cannot download its own here).
// A function: Vitest names each project's browser instances in place, so projects must not share one object.
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: chromiumLaunchOptions,
  }),
  instances: [{ browser: 'chromium' as const }],
})

/**
 * One Vitest run, several projects: each package's tests run in the environment they need.
 * The `source` condition makes every workspace import resolve to `src/`, so no build is needed for tests.
 */
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['packages/core/test/**/*.test.ts'],
          environment: 'node',
          // Scenario tests wait on real thread-pool work between fake-time steps; a busy CI machine is slower.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'testing',
          include: ['packages/testing/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'react',
          include: ['packages/react/test/**/*.test.{ts,tsx}'],
          exclude: ['packages/react/test/**/*.ssr.test.{ts,tsx}', 'packages/react/test/browser/**'],
          env: { EXPECT_REACT_MAJOR: '19' },
          environment: 'jsdom',
          setupFiles: ['packages/react/test/setup.ts'],
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        resolve: { alias: onReact18 },
        test: {
          name: 'react18',
          include: ['packages/react/test/**/*.test.{ts,tsx}'],
          exclude: ['packages/react/test/**/*.ssr.test.{ts,tsx}', 'packages/react/test/browser/**'],
          env: { EXPECT_REACT_MAJOR: '18' },
          environment: 'jsdom',
          setupFiles: ['packages/react/test/setup.ts'],
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'react-ssr',
          include: ['packages/react/test/**/*.ssr.test.{ts,tsx}'],
          exclude: ['packages/react/test/browser/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'react-browser',
          include: ['packages/react/test/browser/**/*.test.tsx'],
          setupFiles: ['packages/react/test/browser/setup.ts'],
          provide: { expectReactMajor: '19' },
          browser: chromium(),
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        resolve: { alias: onReact18 },
        test: {
          name: 'react18-browser',
          include: ['packages/react/test/browser/**/*.test.tsx'],
          setupFiles: ['packages/react/test/browser/setup.ts'],
          provide: { expectReactMajor: '18' },
          browser: chromium(),
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'contract-browser',
          // The real SDK in Chromium (the contract scenarios, then the engine on it) against a local gateway that
          // globalSetup starts in Node. `.spec.ts`, not `.test.ts`, so the Node projects do not pick them up.
          include: [
            'packages/testing/test/contract/browser/**/*.spec.ts',
            'packages/core/test/real/browser/**/*.spec.ts',
          ],
          globalSetup: ['packages/testing/test/contract/browser/globalSetup.ts'],
          browser: chromium(),
          // One gateway for the project: a drop or an outage from one file would hit another file's SDK.
          fileParallelism: false,
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: chromium(),
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        resolve: { alias: onReact18 },
        test: {
          name: 'storybook-react18',
          browser: chromium(),
          testTimeout: 20_000,
        },
      },
    ],
  },
})
