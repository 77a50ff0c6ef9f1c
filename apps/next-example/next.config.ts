import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'

// The SDK's package.json names only its CommonJS build; the ES build is smaller (about 125 kB gzip, not 178).
const SDK_ESM = '@tencentcloud/chat/index.es.js'

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The workspace root (its lockfile), so Turbopack and the output tracing see the kit's packages.
  turbopack: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    resolveAlias: { '@tencentcloud/chat': SDK_ESM },
  },
  webpack(config: { resolve: { alias: Record<string, string> } }) {
    // `$`: only the bare specifier, so the alias's own target is not aliased again.
    config.resolve.alias = { ...config.resolve.alias, '@tencentcloud/chat$': SDK_ESM }
    return config
  },
}

export default nextConfig
