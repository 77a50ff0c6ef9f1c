import { fileURLToPath } from 'node:url'
import { createServer, defaultServerConditions, type Logger, type Plugin } from 'vite'
import type { DemoBackend, startDemoBackend } from './demoBackend'
import type { DemoConfig } from './demoConfig'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Runs the demo's server side inside Vite: `vite` (dev) and `vite preview` (the production bundle) both get
 * the UserSig endpoint, the config endpoint and, in local mode, the gateway, all on loopback. `vite build`
 * starts nothing.
 *
 * @example
 * export default defineConfig({ plugins: [react(), chatDemo(readDemoConfig(process.env))] })
 */
export function chatDemo(config: DemoConfig): Plugin {
  const start = async (dev: boolean, logger: Logger): Promise<DemoBackend> => {
    const { startDemoBackend: startBackend } = await loadBackendModule()
    const log = {
      info: (line: string) => logger.info(line, { timestamp: true }),
      warn: (line: string) => logger.warn(line, { timestamp: true }),
      error: (line: string) => logger.error(line, { timestamp: true }),
    }
    const backend = await startBackend(config, { dev, log })
    const { mode, proxyServer, userSigTtl, helloInterval } = backend.publicConfig
    log.info(
      mode === 'local'
        ? `[demo] local gateway ${proxyServer} (SDKAppID ${config.sdkAppId}, heartbeat ${helloInterval} s), UserSig TTL ${userSigTtl} s`
        : `[demo] Tencent Cloud Chat, SDKAppID ${config.sdkAppId}, UserSig TTL ${userSigTtl} s`,
    )
    return backend
  }
  return {
    name: 'chat-session-demo',
    async configureServer(server) {
      const backend = await start(true, server.config.logger)
      server.middlewares.use(backend.middleware)
      server.httpServer?.once('close', () => void backend.close())
    },
    async configurePreviewServer(server) {
      const backend = await start(false, server.config.logger)
      server.middlewares.use(backend.middleware)
      server.httpServer.once('close', () => void backend.close())
    },
  }
}

/**
 * Loads server/demoBackend.ts through Vite's SSR module runner rather than a plain import: the config
 * bundler would hand `@chat-session/*` to Node, which reads their built `dist/`, while the runner honours
 * the workspace's `source` condition, so the demo always runs the kit's current sources with no build step.
 */
async function loadBackendModule(): Promise<{ startDemoBackend: typeof startDemoBackend }> {
  const runner = await createServer({
    configFile: false,
    root,
    logLevel: 'warn',
    appType: 'custom',
    cacheDir: 'node_modules/.vite/backend',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  try {
    return (await runner.ssrLoadModule('/server/demoBackend.ts')) as {
      startDemoBackend: typeof startDemoBackend
    }
  } finally {
    // The loaded module lives on; only the runner's own resources go.
    await runner.close()
  }
}
