import { defineConfig, type UserConfig } from 'tsdown'

const shared: UserConfig = {
  format: 'esm',
  // `sourcemap: true` alone writes a sourceMappingURL into index.d.ts without the map; this ships the map
  // (its sources are the shipped src/), so go-to-definition lands in the TypeScript source.
  dts: { sourcemap: true },
  platform: 'neutral',
  target: 'es2022',
  // Shipped minified (what size-limit measures); the source map keeps it debuggable.
  minify: true,
  sourcemap: true,
}

// Two builds, not two entries of one: `index.js` stays one self-contained file (what size-limit and
// `pnpm size:core` read), and `/engine`, for simulations, carries its own copy of the pure engine.
export default defineConfig([
  { ...shared, entry: ['src/index.ts'], clean: true },
  { ...shared, entry: ['src/engine.ts'], clean: false },
])
