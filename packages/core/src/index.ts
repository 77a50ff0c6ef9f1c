export type { ChatSource } from './controller/chatInstance'
export type { PageSignals } from './controller/pageSignals'
export { broadcastTabLink, type OpenTabLink, type TabLink, type TabNote } from './controller/tabLink'
export { createSession } from './createSession'
export { type DecodedUserSig, decodeUserSig } from './decodeUserSig'
export { errorCatalog, toSessionError } from './errorCatalog'
export {
  type AdapterEvent,
  CHAT_EVENT,
  CHAT_KICK_TYPE,
  type ChatAdapter,
  type ChatLike,
  fromTencentChat,
} from './fromTencentChat'
export type { NormalizedUserSig } from './normalizeUserSig'
export type { Session, SessionOptions } from './session'
export { SessionError, type SessionErrorInfo, type SessionErrorKind } from './sessionError'
export type {
  SessionTrace,
  SessionTraceEmit,
  SessionTraceInput,
  SessionTraceOutput,
  SessionTraceTimer,
  SessionTracing,
} from './sessionTrace'
export { traceSession } from './traceSession'
export type {
  FetchUserSig,
  FetchUserSigContext,
  FetchUserSigReason,
  FetchUserSigResult,
  KickInfo,
  KickReason,
  NetState,
  Recovery,
  RefreshState,
  SessionEventMap,
  SessionEventType,
  SessionSnapshot,
  SessionStatus,
  TabPolicy,
} from './types'
export { userSigFromEndpoint } from './userSigFromEndpoint'
export { validateUserID } from './validateUserID'
