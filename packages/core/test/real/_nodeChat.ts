import { createRequire } from 'node:module'
import type TencentCloudChat from '@tencentcloud/chat'
import type { ChatSDK } from '@tencentcloud/chat'
import { WebSocket } from 'ws'

const require = createRequire(import.meta.url)

/**
 * Node 20 has no global WebSocket, which the SDK opens inside create(), so `ws` stands in. `ws` emits 'error'
 * when a socket is closed while still connecting (the SDK does that in destroy() during a reconnect), and
 * with the SDK's `onerror` nulled Node would throw it; browsers never do, so a no-op listener keeps parity.
 */
class BrowserLikeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}

const CONSOLE_METHODS = ['debug', 'log', 'info', 'warn'] as const

/**
 * A real `@tencentcloud/chat` 3.6.6 instance on a local gateway, from its own copy of the module (the SDK keeps
 * one instance per SDKAppID per module copy, so two calls are two "tabs"), with its startup lines muted.
 */
export function nodeChat(proxyServer: string, sdkAppId: number): ChatSDK {
  const global = globalThis as { WebSocket?: unknown }
  if (typeof global.WebSocket !== 'function') global.WebSocket = BrowserLikeWebSocket
  const originals = CONSOLE_METHODS.map((method) => console[method])
  for (const method of CONSOLE_METHODS) console[method] = () => {}
  try {
    const path = require.resolve('@tencentcloud/chat')
    delete require.cache[path]
    const sdk = (require(path) as typeof TencentCloudChat).create({ SDKAppID: sdkAppId, proxyServer })
    sdk.setLogLevel(4)
    return sdk
  } finally {
    CONSOLE_METHODS.forEach((method, i) => {
      console[method] = originals[i]!
    })
  }
}
