import type { ChatSDK } from '@tencentcloud/chat'
import type { ContractChat } from './contractDriver'
import { contractMessaging } from './contractMessaging'

/** The SDK's d.ts types `getLoginUser()` as `String` and handlers as `Function`; the contract wants plain types. */
export function asContractChat(sdk: ChatSDK): ContractChat {
  return {
    login: (options) => sdk.login(options),
    logout: () => sdk.logout(),
    isReady: () => sdk.isReady(),
    getLoginUser: () => String(sdk.getLoginUser()),
    getConversationList: () => sdk.getConversationList(),
    destroy: () => sdk.destroy(),
    on: (eventName, handler) => sdk.on(eventName, handler),
    messages: contractMessaging(sdk),
  }
}
