// `@chat-session/core/engine`: the engine's internals, for simulations and the engine's own tests, and the wire
// facts the kit's testing and server packages share. Apps use the session API of the main entry; nothing here is
// needed to run a session.

// The one table of wire codes, which the testing package's fake SDK and gateway use.
export { CHAT_ERROR_CODE, type ChatErrorCode } from './chatErrorCode'
export type { Effect, PendingCall } from './engine/effect'
export type { EngineEnv, EngineEvent, TimerName } from './engine/engineEvent'
export {
  type EngineConfig,
  type EngineState,
  type Goal,
  type HeldSig,
  initialEngineState,
  type Phase,
  type SdkCall,
} from './engine/engineState'
export { toSnapshot } from './engine/toSnapshot'
export { type TransitionResult, transition } from './engine/transition'
// The UserSig format, which the testing package's signer, verifier and gateway and the server's signer share.
export {
  parseUserSigJson,
  toUserSigBase64,
  USER_SIG_KEY,
  type UserSigDocument,
  type UserSigFields,
  userSigBytes,
  userSigJson,
  userSigSignedText,
} from './userSigFormat'
