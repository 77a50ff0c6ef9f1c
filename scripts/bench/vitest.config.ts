import { defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// Not part of `pnpm test`: `pnpm bench` (the side-by-side benchmark) and `pnpm bench:sdk` (the SDK probe) run
// their one file each through Vitest only so they can import the workspace's TypeScript sources unbuilt.
export default defineConfig({
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  resolve: { conditions: ['source'] },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['scripts/bench/*.run.ts'],
    environment: 'node',
    testTimeout: 60 * 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    disableConsoleIntercept: true,
  },
})
