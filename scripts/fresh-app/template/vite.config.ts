import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// From @chat-session/react's README ("The SDK's ES build").
export default defineConfig({
  plugins: [react()],
  resolve: { alias: [{ find: /^@tencentcloud\/chat$/, replacement: '@tencentcloud/chat/index.es.js' }] },
  build: { chunkSizeWarningLimit: 1024 },
})
