/**
 * The demo's server-side configuration, read from the environment. Nothing here is ever sent to the browser
 * except what `publicConfig` picks (the SDKAppID, the gateway's URLs, the mode).
 */

/**
 * The secret key of the local gateway's made-up app. A development secret: it only signs UserSigs for the
 * gateway on loopback and means nothing to Tencent Cloud. It must still never reach the browser bundle,
 * because a real app's key in the same place would be a real leak; the e2e build test greps for it.
 */
export const DEV_SECRET_KEY = 'csk-demo-dev-secret-7d2f9c41b8e04a6f93d5e1c0a7b26f48'

/** The local gateway's made-up SDKAppID (real ones start with 14000… too; this one belongs to nobody). */
export const DEV_SDK_APP_ID = 1_400_000_999

export type DemoMode = 'local' | 'cloud'

export interface DemoConfig {
  /** `local`: the embedded gateway on loopback; `cloud`: Tencent Cloud Chat with the app's own keys. */
  readonly mode: DemoMode
  readonly sdkAppId: number
  /** Server side only. */
  readonly secretKey: string
  /** Lifetime of the UserSigs the endpoint issues, in seconds. */
  readonly userSigTtl: number
  /** Heartbeat interval the local gateway hands to the SDK, in seconds (local mode). */
  readonly helloInterval: number
  /** Port of the local gateway; 0 picks a free one. */
  readonly gatewayPort: number
  /** Port the demo serves on (http://127.0.0.1:PORT/). */
  readonly port: number
}

const WEEK = 7 * 86_400

/**
 * Reads `CHAT_SDK_APP_ID` + `CHAT_SECRET_KEY` (both or neither), `USERSIG_TTL_SECONDS`,
 * `GATEWAY_HELLO_INTERVAL`, `GATEWAY_PORT` and `DEMO_PORT`. Throws a readable error for a bad value; the
 * message never repeats the secret.
 *
 * @example
 * readDemoConfig({ DEMO_PORT: '5180', USERSIG_TTL_SECONDS: '8' }) // local mode, 8 s sigs
 */
export function readDemoConfig(env: Readonly<Record<string, string | undefined>>): DemoConfig {
  const appId = env.CHAT_SDK_APP_ID?.trim() || undefined
  const secret = env.CHAT_SECRET_KEY?.trim() || undefined
  if ((appId === undefined) !== (secret === undefined)) {
    throw new Error(
      'Set both CHAT_SDK_APP_ID and CHAT_SECRET_KEY for Tencent Cloud Chat, or neither for the local gateway.',
    )
  }
  const cloud = appId !== undefined && secret !== undefined
  return {
    mode: cloud ? 'cloud' : 'local',
    sdkAppId: cloud ? whole('CHAT_SDK_APP_ID', appId, 1) : DEV_SDK_APP_ID,
    secretKey: secret ?? DEV_SECRET_KEY,
    userSigTtl: whole('USERSIG_TTL_SECONDS', env.USERSIG_TTL_SECONDS, 1, WEEK),
    helloInterval: whole('GATEWAY_HELLO_INTERVAL', env.GATEWAY_HELLO_INTERVAL, 1, 5),
    gatewayPort: whole('GATEWAY_PORT', env.GATEWAY_PORT, 0, 0),
    port: whole('DEMO_PORT', env.DEMO_PORT, 1, 5173),
  }
}

function whole(name: string, raw: string | undefined, min: number, fallback?: number): number {
  if (raw === undefined || raw.trim() === '') {
    if (fallback === undefined) throw new Error(`${name} is required`)
    return fallback
  }
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number >= ${min}`)
  return value
}
