import { defineConfig } from 'tsdown'

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: 'esm',
    dts: true,
    platform: 'neutral',
    target: 'es2022',
    clean: true,
  },
  {
    entry: { 'gateway/index': 'src/gateway/index.ts' },
    format: 'esm',
    dts: true,
    platform: 'node',
    target: 'node20',
    clean: false,
    // The exports map names .js/.d.ts for both entries.
    outExtensions: () => ({ js: '.js', dts: '.d.ts' }),
  },
])
