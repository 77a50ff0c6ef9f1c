import { defineConfig } from 'tsdown'

export default defineConfig({
  // The devtools entry imports the main one by the package's name (external), so it never changes the main bundle.
  entry: { index: 'src/index.ts', devtools: 'src/devtools/index.ts' },
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // The theme ships as plain CSS next to the bundle: `@chat-session/react/styles.css`.
  copy: ['src/styles.css'],
  // Keep the directive on the bundle so React Server Components treat the package as client code.
  banner: { js: "'use client'" },
  deps: { neverBundle: [/^react/, /^@tanstack\//, /^zustand/, /^@chat-session\//] },
})
