import 'server-only'
import type { LocalGateway } from '@chat-session/testing/gateway'
import { PROXY_SERVER, SDK_APP_ID } from '../chatConfig'
import { DEV_SECRET_KEY } from './devSecret'

// One per process: `next dev` may evaluate this module again after an edit; the gateway must not restart.
const key = Symbol.for('chat-session.next-example.gateway')
const slot = globalThis as { [key]?: Promise<LocalGateway | null> }

/**
 * Starts the local gateway (an emulator of the Tencent Chat session service the real SDK talks to) on the
 * port of `PROXY_SERVER`, loopback only. Does nothing in cloud mode.
 *
 * @example
 * await startDevGateway() // ws://127.0.0.1:5191 answers the SDK
 */
export function startDevGateway(): Promise<LocalGateway | null> {
  slot[key] ??= start()
  return slot[key]
}

async function start(): Promise<LocalGateway | null> {
  if (PROXY_SERVER === null) return null
  const url = new URL(PROXY_SERVER)
  // Loaded by Node at run time, not bundled: the gateway runs on `ws`, and the testing package also holds
  // Node-only helpers that resolve the SDK themselves.
  const { startLocalGateway } = (await import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ '@chat-session/testing/gateway'
  )) as typeof import('@chat-session/testing/gateway')
  const helloInterval = Number(process.env.GATEWAY_HELLO_INTERVAL || 5)
  const gateway = await startLocalGateway({
    sdkAppId: SDK_APP_ID,
    secretKey: DEV_SECRET_KEY,
    host: '127.0.0.1',
    port: Number(url.port),
    helloInterval,
    logger: {
      debug() {},
      info: (message) => console.info(`[gateway] ${message}`),
      warn: (message) => console.warn(`[gateway] ${message}`),
      error: (message) => console.error(`[gateway] ${message}`),
    },
  })
  console.info(`[gateway] local gateway on ${gateway.url} (SDKAppID ${SDK_APP_ID})`)
  return gateway
}
