import { createRequire } from 'node:module'
import type { ChatSDK } from '@tencentcloud/chat'
import { WebSocket } from 'ws'
import { type ChatModule, createGatewayChat } from './createGatewayChat'
import { withConsoleMuted } from './withConsoleMuted'

const require = createRequire(import.meta.url)

/**
 * The SDK opens its socket inside create() through the global WebSocket, which Node 20 lacks, so `ws` stands
 * in. One difference matters: `ws` emits an 'error' event when a socket is closed while still connecting
 * (the SDK does that in destroy() during a reconnect) and, with the SDK's `onerror` already nulled, Node
 * throws it. Browsers never throw there, so a permanent no-op listener restores browser behaviour.
 */
class BrowserLikeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}

/**
 * A real `@tencentcloud/chat` instance in Node, talking to `proxyServer` (a local gateway's `url`), silent.
 * Each call loads a separate copy of the SDK module: the SDK keeps one instance per SDKAppID per module copy,
 * so two calls give two live instances of the same app (two "tabs"), which `create` alone cannot.
 *
 * @example
 * const gateway = await startLocalGateway({ sdkAppId: 1400000001, secretKey: 'test-key' })
 * const [tab1, tab2] = [createNodeChat(gateway.url, 1400000001), createNodeChat(gateway.url, 1400000001)]
 */
export function createNodeChat(proxyServer: string, sdkAppId: number): ChatSDK {
  const global = globalThis as { WebSocket?: unknown }
  if (typeof global.WebSocket !== 'function') global.WebSocket = BrowserLikeWebSocket
  // The module prints its version as it loads: muted too.
  return withConsoleMuted(() => {
    const path = require.resolve('@tencentcloud/chat')
    delete require.cache[path]
    return createGatewayChat(require(path) as ChatModule, { url: proxyServer, sdkAppId })
  })
}
