import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  dts: true,
  // Node only: tls-sig-api-v2 needs node:crypto and node:zlib, and the secret key must never reach a browser.
  platform: 'node',
  target: 'node20',
  clean: true,
  // platform 'node' would name them .mjs; the exports map names .js/.d.ts like the other packages.
  outExtensions: () => ({ js: '.js', dts: '.d.ts' }),
})
