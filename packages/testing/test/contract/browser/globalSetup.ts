import type { TestProject } from 'vitest/node'
import type { BrowserGatewayInfo } from '../../../src/contract/browserSdkDriver'
import { startLocalGateway } from '../../../src/gateway'

declare module 'vitest' {
  export interface ProvidedContext {
    realGateway: BrowserGatewayInfo
  }
}

const SDK_APP_ID = 1_400_000_003

/**
 * Starts one local gateway in Node for the `contract-browser` project: a page cannot listen on a socket, so
 * the real SDK in Chromium connects to this one and the tests drive it over its admin HTTP routes
 * (`inject('realGateway')`). The key is made up per run; the contract signs forged and expired sigs with it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const secretKey = `browser-run-${crypto.randomUUID()}`
  // Expiry and kicks show up within a second.
  const gateway = await startLocalGateway({ sdkAppId: SDK_APP_ID, secretKey, helloInterval: 1 })
  project.provide('realGateway', {
    url: gateway.url,
    adminUrl: gateway.adminUrl,
    sdkAppId: SDK_APP_ID,
    secretKey,
  })
  return () => gateway.close()
}
