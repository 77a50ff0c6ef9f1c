import type { ChatSDK } from '@tencentcloud/chat'
import { withConsoleMuted } from './withConsoleMuted'

/**
 * The SDK module's factory: `TencentCloudChat` itself, or another copy of its module. Structural, so the
 * declarations do not depend on how the SDK's types declare their default export.
 */
export interface ChatModule {
  create(options: { SDKAppID: number; proxyServer?: string }): ChatSDK
}

/** Where a local gateway listens, as `startLocalGateway` reports it (`url`) and the app it serves. */
export interface GatewayAddress {
  readonly url: string
  readonly sdkAppId: number
}

/**
 * A real `@tencentcloud/chat` instance of `sdk` talking to a local gateway (`proxyServer`), silent: its startup
 * lines muted and its log level at "none". Works in browsers and Node (in Node, see `createNodeChat`).
 *
 * @example
 * const chat = createGatewayChat(TencentCloudChat, { url: 'ws://127.0.0.1:4000', sdkAppId: 1400000001 })
 */
export function createGatewayChat(sdk: ChatModule, gateway: GatewayAddress): ChatSDK {
  return withConsoleMuted(() => {
    const chat = sdk.create({ SDKAppID: gateway.sdkAppId, proxyServer: gateway.url })
    chat.setLogLevel(4)
    return chat
  })
}
