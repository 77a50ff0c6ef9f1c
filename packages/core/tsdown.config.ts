import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts', 'src/engine.ts'],
  format: 'esm',
  // `sourcemap: true` alone writes a sourceMappingURL into index.d.ts without the map; this ships the map
  // (its sources are the shipped src/), so go-to-definition lands in the TypeScript source.
  dts: { sourcemap: true },
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // Shipped minified (what size-limit measures); the source map keeps it debuggable.
  minify: true,
  sourcemap: true,
})
