import type { ChatSDK } from '@tencentcloud/chat'
import { startLocalGateway } from '../gateway/startLocalGateway'
import { asContractChat } from './asContractChat'
import type { ContractDriver } from './contractDriver'
import { contractSigner } from './contractSigner'
import { createNodeChat } from './createNodeChat'
import { recordClient } from './recordClient'

const SDK_APP_ID = 1_400_000_001
const SECRET_KEY = 'contract-gateway-secret-0123456789abcdef'

/**
 * The real `@tencentcloud/chat` 3.6.6 in Node (`ws` as WebSocket), one module copy per client, on a local
 * gateway per scenario with a 1 s heartbeat.
 */
export const realSdkDriver: ContractDriver = {
  name: 'real',
  title: 'real SDK, Node',
  async open() {
    const gateway = await startLocalGateway({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, helloInterval: 1 })
    const chats: ChatSDK[] = []
    return {
      sdkAppId: SDK_APP_ID,
      client() {
        const sdk = createNodeChat(gateway.url, SDK_APP_ID)
        chats.push(sdk)
        return recordClient(asContractChat(sdk))
      },
      sign: contractSigner(SDK_APP_ID, SECRET_KEY),
      kick: async (userID, type) => void gateway.kick(userID, type),
      expire: async (userID) => void gateway.expire(userID),
      drop: async () => void gateway.dropConnections(),
      outage: (ms) => gateway.outage(ms),
      failNextLogin: async (code) => gateway.failNextLogin(code),
      hangNextLogin: async () => gateway.hangNextLogin(),
      async close() {
        // destroy() rejects with 2024 when not logged in but still stops the SDK's timers and socket.
        await Promise.all(chats.map((sdk) => sdk.destroy().catch(() => undefined)))
        await gateway.close()
      },
    }
  },
}
