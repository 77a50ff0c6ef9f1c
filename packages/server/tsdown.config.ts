import { defineConfig } from 'tsdown'

export default defineConfig({
  // index: Node and Bun (adds toNodeListener); edge: edge and worker runtimes (Web APIs only); browser: throws.
  entry: ['src/index.ts', 'src/edge.ts', 'src/browser.ts'],
  format: 'esm',
  dts: true,
  // Neutral: the edge build must not lean on Node resolution or builtins; only toNodeListener imports node:stream.
  platform: 'neutral',
  target: 'es2022',
  deps: { neverBundle: [/^node:/] },
  clean: true,
  outExtensions: () => ({ js: '.js', dts: '.d.ts' }),
})
