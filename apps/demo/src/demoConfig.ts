/** What the demo's server tells the browser (`GET /api/config`): the mode, the SDKAppID, the gateway's URLs. */
export interface DemoConfig {
  readonly mode: 'local' | 'cloud'
  readonly sdkAppId: number
  /** The local gateway (`ws://127.0.0.1:…`), handed to the SDK as `proxyServer`; null for Tencent Cloud Chat. */
  readonly proxyServer: string | null
  /** The gateway's admin routes for the developer panel; null outside development. */
  readonly adminUrl: string | null
  readonly userSigTtl: number
  readonly helloInterval: number | null
}

/**
 * Asks the demo's server for its public configuration. Read at run time, not baked in with `define`, so the
 * same production bundle works against the local gateway and against Tencent Cloud Chat.
 */
export async function loadDemoConfig(): Promise<DemoConfig> {
  const res = await fetch('/api/config', { cache: 'no-store' })
  if (!res.ok) throw new Error(`/api/config answered ${res.status}`)
  return (await res.json()) as DemoConfig
}
