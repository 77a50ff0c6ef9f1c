import { createRequire } from 'node:module'
import { createNodeChat } from '../../packages/testing/src/gateway/index'
import { type ChatModule, createGatewayChat } from '../../packages/testing/src/index'

// The SDK and Tencent's sig generator are the testing package's dependencies.
/** A real SDK instance, typed from the testing package (the SDK is its dependency, not the root's). */
export type ChatSDK = ReturnType<typeof createNodeChat>

const require = createRequire(new URL('../../packages/testing/package.json', import.meta.url))
const { Api } = require('tls-sig-api-v2') as {
  Api: new (sdkAppId: number, secretKey: string) => { genUserSig(userID: string, expire: number): string }
}

export const SDK_APP_ID = 1400000001
export const SECRET_KEY = 'bench-secret-key-not-a-real-one-0123456789abcdef0123'

/** A real UserSig from Tencent's generator; a negative lifetime gives an expired one. */
export const sign = (userID: string, expireSeconds = 86_400): string =>
  new Api(SDK_APP_ID, SECRET_KEY).genUserSig(userID, expireSeconds)

/** Call once first: createNodeChat installs the Node stand-in for the global WebSocket the SDK needs. */
export async function installWebSocket(): Promise<void> {
  await createNodeChat('ws://127.0.0.1:9', SDK_APP_ID)
    .destroy()
    .catch(() => undefined)
}

/** A new copy of the SDK module (the SDK caches one instance per SDKAppID per module copy). */
export function sdkModule(): ChatModule {
  const path = require.resolve('@tencentcloud/chat')
  delete require.cache[path]
  return require(path) as ChatModule
}

/** A real SDK instance on its own module copy, talking to `url`. */
export const realChat = (url: string): ChatSDK => createNodeChat(url, SDK_APP_ID)

export { createGatewayChat }

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Settles `p` into a printable outcome with the time it took from `t0`. */
export function outcome(p: Promise<unknown>, t0: number): { get(): string } {
  let text = 'pending'
  p.then(
    (v) => {
      const repeat = (v as { data?: { repeatLogin?: boolean } })?.data?.repeatLogin
      text = `resolved${repeat ? ' (repeatLogin)' : ''} at ${((Date.now() - t0) / 1000).toFixed(1)} s`
    },
    (e: { code?: number }) => {
      text = `rejected ${e?.code ?? String(e)} at ${((Date.now() - t0) / 1000).toFixed(1)} s`
    },
  )
  return { get: () => text }
}
