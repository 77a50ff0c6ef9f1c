/**
 * The example's public configuration: read on the server and in the browser, inlined by `next build`
 * (`NEXT_PUBLIC_*`). Nothing here is secret; the secret key lives in `serverConfig.ts`, server side only.
 *
 * Local mode (the default, no cloud account): the SDK talks to the kit's local gateway on loopback.
 * Cloud mode: `NEXT_PUBLIC_CHAT_SDK_APP_ID` set (and `CHAT_SECRET_KEY` on the server).
 */

/** The local gateway's made-up SDKAppID: it belongs to nobody on Tencent Cloud. */
export const DEV_SDK_APP_ID = 1_400_000_999

const cloudAppId = process.env.NEXT_PUBLIC_CHAT_SDK_APP_ID?.trim() || undefined

/** The SDKAppID the browser's SDK and the UserSig endpoint use. */
export const SDK_APP_ID: number = cloudAppId === undefined ? DEV_SDK_APP_ID : Number(cloudAppId)

/**
 * The local gateway's websocket URL, handed to the SDK as `proxyServer`; null in cloud mode. Its port is also
 * the port the server starts the gateway on (instrumentation.ts), so the two cannot disagree.
 */
export const PROXY_SERVER: string | null =
  cloudAppId === undefined ? process.env.NEXT_PUBLIC_CHAT_GATEWAY_URL?.trim() || 'ws://127.0.0.1:5191' : null
