import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

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
          exclude: ['packages/react/test/**/*.ssr.test.{ts,tsx}'],
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
          environment: 'node',
        },
      },
    ],
  },
})
