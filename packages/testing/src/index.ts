export { type ChatModule, createGatewayChat, type GatewayAddress } from './contract/createGatewayChat'
export { CHAT_EVENT, type ChatEvent, type ChatEventHandler, type ChatEventName } from './fake/chatEvent'
export { CHAT_TYPES, type KickedOutType, type NetState } from './fake/chatTypes'
export { createFakeChat } from './fake/createFakeChat'
export {
  createFakeChatService,
  type FakeChatService,
  type FakeChatServiceOptions,
  type FakeKickKind,
} from './fake/createFakeChatService'
export { FakeChatError } from './fake/fakeChatError'
export type {
  FakeChat,
  FakeChatCalls,
  FakeChatControls,
  FakeChatOptions,
  FakeFreshLoginData,
  FakeLoginResponse,
  FakeRepeatLoginData,
} from './fake/fakeChatTypes'
export type { FakeServiceFault } from './fake/fakeServiceFault'
export { type SignUserSigOptions, signUserSig } from './sig/signUserSig'
export {
  type UserSigErrorCode,
  type UserSigVerdict,
  type VerifyUserSigOptions,
  verifyUserSig,
} from './sig/verifyUserSig'
export { createTabHub } from './tabs/createTabHub'
