import { defineConfig } from 'tsdown'

export default defineConfig({
  // index: Node and Bun (adds toNodeListener); edge: edge and worker runtimes (Web APIs only); browser: throws.
  entry: ['src/index.ts', 'src/edge.ts', 'src/browser.ts'],
  format: 'esm',
  dts: true,
  // Neutral: the edge build must not lean on Node resolution or builtins; only toNodeListener imports node:stream.
  platform: 'neutral',
  target: 'es2022',
  deps: {
    neverBundle: [/^node:/],
    // Only core's UserID rule (a few hundred bytes) is used: inlined, the package has no dependencies, and an edge
    // bundle never sees the rest of core (its DecompressionStream makes Next.js warn about the Edge Runtime).
    alwaysBundle: ['@chat-session/core'],
  },
  // Core from its source, so this build does not depend on core being built first.
  inputOptions: { resolve: { conditionNames: ['source', 'import', 'default'] } },
  clean: true,
  outExtensions: () => ({ js: '.js', dts: '.d.ts' }),
})
