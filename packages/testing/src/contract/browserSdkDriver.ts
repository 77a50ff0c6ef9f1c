import type TencentCloudChat from '@tencentcloud/chat'
import type { ChatSDK } from '@tencentcloud/chat'
import { asContractChat } from './asContractChat'
import type { ContractDriver } from './contractDriver'
import { contractSigner } from './contractSigner'
import type { ContractColumn } from './contractTable'
import { createGatewayChat } from './createGatewayChat'
import { recordClient } from './recordClient'
import { sleep } from './sleep'

/** A local gateway running in Node (a browser cannot listen), as the page sees it. */
export interface BrowserGatewayInfo {
  readonly url: string
  readonly adminUrl: string
  readonly sdkAppId: number
  /** A throwaway key of this test run: forged and expired sigs are signed in the page. */
  readonly secretKey: string
}

/** The Chromium column of the README table; its own export so Node can read it without loading the driver. */
export const chromiumColumn: ContractColumn = { name: 'chromium', title: 'real SDK, Chromium' }

/**
 * The real SDK in a browser page (its own WebSocket and Web Worker code path), on a gateway driven over its
 * admin HTTP routes. The SDK keeps one instance per SDKAppID per copy of its module (a cache in module scope),
 * so each client of a world comes from its own copy of the module: `sdks` holds as many copies as a world may
 * need clients (two: a second client of the same user is what another tab would be). Worlds run one after
 * another on the shared gateway; `destroy()` frees a copy's instance for the next world.
 *
 * @example
 * const second = (await import(sdkModuleUrl)).default // the SDK file loaded again, outside the bundle
 * const driver = browserSdkDriver([TencentCloudChat, second], inject('realGateway'))
 */
export function browserSdkDriver(
  sdks: readonly (typeof TencentCloudChat)[],
  gateway: BrowserGatewayInfo,
): ContractDriver {
  const admin = async (route: string, body: object = {}): Promise<void> => {
    const res = await fetch(`${gateway.adminUrl}/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`admin ${route} answered ${res.status}: ${await res.text()}`)
  }
  return {
    ...chromiumColumn,
    async open() {
      const live: ChatSDK[] = []
      return {
        sdkAppId: gateway.sdkAppId,
        client() {
          const sdk = sdks[live.length]
          if (!sdk)
            throw new Error(`this driver has ${sdks.length} copies of the SDK module: one client each`)
          const chat = createGatewayChat(sdk, gateway)
          live.push(chat)
          return recordClient(asContractChat(chat))
        },
        sign: contractSigner(gateway.sdkAppId, gateway.secretKey),
        kick: (userID, type) => admin('kick', { userID, type }),
        expire: (userID) => admin('expire', { userID }),
        drop: () => admin('drop'),
        async outage(ms) {
          // The route answers at once; the outage runs on in the gateway.
          await admin('outage', { ms })
          await sleep(ms)
        },
        failNextLogin: (code) => admin('fail-next-login', { code }),
        hangNextLogin: () => admin('hang-next-login'),
        async close() {
          // destroy() also drops the SDK's per-app cache entry, so the next world's create() is a new instance.
          await Promise.all(live.splice(0).map((chat) => chat.destroy().catch(() => undefined)))
          // One gateway for every world: an arm whose login never arrived must not hit the next world's login.
          await admin('disarm')
        },
      }
    },
  }
}
