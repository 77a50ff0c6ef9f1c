// `@chat-session/core/engine`: the engine's internals, for simulations and the engine's own tests. Apps use the
// session API of the main entry; nothing here is needed to run a session.
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
