import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // Keep the directive on the bundle so React Server Components treat the package as client code.
  banner: { js: "'use client'" },
  deps: { neverBundle: [/^react/, /^@tanstack\//, /^zustand/, /^@chat-session\//] },
})
