import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// The React 18 run: the same test files, with React and the libraries that import it taken from tests/react18,
// whose dependencies pnpm installs against react@18.
const react18 = createRequire(new URL('./tests/react18/package.json', import.meta.url))
const onReact18 = ['react', 'react-dom', '@testing-library/react', '@tanstack/react-query'].map((name) => ({
  find: new RegExp(`^${name.replace('/', '\\/')}(/.*)?$`),
  replacement: `${dirname(react18.resolve(`${name}/package.json`))}$1`,
}))

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
          exclude: ['packages/react/test/**/*.ssr.test.{ts,tsx}'],
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
          environment: 'node',
        },
      },
    ],
  },
})
