import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'
// `.js` specifiers for the .ts files: Vite's config loader warns about extensionless ones.
import { chatDemo } from './server/chatDemoPlugin.js'
import { readDemoConfig } from './server/demoConfig.js'

const config = readDemoConfig(process.env)
const serverDir = fileURLToPath(new URL('./server', import.meta.url))

export default defineConfig({
  plugins: [react(), chatDemo(config)],
  // The kit's packages resolve to their sources (`source` export condition): no build needed, edits are live.
  resolve: {
    conditions: ['source', ...defaultClientConditions],
    // The SDK's package.json names only its UMD build; the ES build is smaller and tree-shakes.
    alias: [{ find: /^@tencentcloud\/chat$/, replacement: '@tencentcloud/chat/index.es.js' }],
  },
  // One dependency cache per port, so two demo servers (the e2e runs two) never rebuild it under each other.
  cacheDir: `node_modules/.vite/port-${config.port}`,
  optimizeDeps: {
    // Listed up front so the first page load never triggers a mid-session "new dependencies" reload.
    include: [
      '@tencentcloud/chat/index.es.js',
      'react',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      '@tanstack/react-query',
      'zustand',
      'zustand/vanilla',
    ],
  },
  server: {
    host: '127.0.0.1',
    port: config.port,
    strictPort: true,
    // Vite's defaults, plus the server-side code (and the development secret in it): never served.
    fs: { deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', `${serverDir}/**`] },
    warmup: { clientFiles: ['./src/main.tsx'] },
  },
  preview: { host: '127.0.0.1', port: config.port, strictPort: true },
  // The SDK alone is about 475 kB minified; one chunk of ~760 kB is expected, not a mistake to warn about.
  build: { sourcemap: true, chunkSizeWarningLimit: 1024 },
})
