import { createFakeChat } from '../fake/createFakeChat'
import { createFakeChatService } from '../fake/createFakeChatService'
import type { FakeChat } from '../fake/fakeChatTypes'
import type { ContractDriver } from './contractDriver'
import { contractSigner } from './contractSigner'
import { recordClient } from './recordClient'
import { sleep } from './sleep'

const SDK_APP_ID = 1_400_000_000
const SECRET_KEY = 'contract-fake-secret-0123456789abcdef'

/**
 * The fake SDK as app developers get it (default latency), on a shared fake service whose heartbeat is 1 s,
 * the same period the real SDK gets from the gateway in {@link realSdkDriver}.
 */
export const fakeDriver: ContractDriver = {
  name: 'fake',
  title: 'fake',
  async open() {
    const service = createFakeChatService({
      sdkAppId: SDK_APP_ID,
      secretKey: SECRET_KEY,
      helloInterval: 1000,
    })
    const chats: FakeChat[] = []
    return {
      sdkAppId: SDK_APP_ID,
      client() {
        const chat = createFakeChat({ service })
        chats.push(chat)
        return recordClient(chat)
      },
      sign: contractSigner(SDK_APP_ID, SECRET_KEY),
      kick: async (userID, type) => void service.kick(userID, type),
      expire: async (userID) => void service.expire(userID),
      async drop() {
        for (const chat of chats) chat.fake.drop()
      },
      outage(ms) {
        for (const chat of chats) chat.fake.outage(ms)
        return sleep(ms)
      },
      failNextLogin: async (code) => service.failNextLogin(code),
      hangNextLogin: async () => service.hangNextLogin(),
      async close() {
        await Promise.all(chats.map((chat) => chat.destroy().catch(() => undefined)))
      },
    }
  },
}
