import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts', 'src/engine.ts'],
  format: 'esm',
  dts: true,
  platform: 'neutral',
  target: 'es2022',
  clean: true,
  // Shipped minified (what size-limit measures); the source map keeps it debuggable.
  minify: true,
  sourcemap: true,
})
