import { defaultClientConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// Not part of `pnpm test`: run with `pnpm bench:renders` to print the render counts.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  test: {
    root: new URL('../../..', import.meta.url).pathname,
    include: ['packages/react/bench/*.bench.test.tsx'],
    environment: 'jsdom',
    setupFiles: ['packages/react/test/setup.ts'],
  },
})
