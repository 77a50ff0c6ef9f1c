// The core types and values an app needs, so it type-checks with only this package installed.
export {
  type ChatAdapter,
  type ChatLike,
  type FetchUserSig,
  type FetchUserSigContext,
  type FetchUserSigReason,
  type FetchUserSigResult,
  type KickInfo,
  type KickReason,
  type NetState,
  type RefreshState,
  type Session,
  SessionError,
  type SessionErrorInfo,
  type SessionErrorKind,
  type SessionEventMap,
  type SessionEventType,
  type SessionOptions,
  type SessionSnapshot,
  type SessionStatus,
  type TabPolicy,
  userSigFromEndpoint,
} from '@chat-session/core'
export { ChatSessionProvider, type ChatSessionProviderProps } from './ChatSessionProvider'
export { ConnectionBanner, type ConnectionBannerProps } from './components/ConnectionBanner'
export type { StyleProps } from './components/classes'
export {
  KickedOfflineDialog,
  type KickedOfflineDialogProps,
} from './components/KickedOfflineDialog'
export { LoginForm, type LoginFormProps } from './components/LoginForm'
export { LoginStatusBadge, type LoginStatusBadgeProps } from './components/LoginStatusBadge'
export type { DialogAction, DialogPart } from './components/ModalDialog'
export { SessionExpiredDialog, type SessionExpiredDialogProps } from './components/SessionExpiredDialog'
export { SessionGate, type SessionGateProps } from './components/SessionGate'
export { SessionUI, type SessionUIProps } from './components/SessionUI'
export { TabPausedNotice, type TabPausedNoticeProps } from './components/TabPausedNotice'
export {
  type ConnectionBannerModel,
  type ConnectionBannerOptions,
  type ConnectionBannerState,
  useConnectionBanner,
} from './components/useConnectionBanner'
export {
  type KickedOfflineModel,
  type KickedOfflineOptions,
  useKickedOffline,
} from './components/useKickedOffline'
export { type LoginFormModel, type LoginFormOptions, useLoginForm } from './components/useLoginForm'
export {
  type SessionExpiredModel,
  type SessionExpiredOptions,
  useSessionExpired,
} from './components/useSessionExpired'
export { type TabPausedModel, useTabPaused } from './components/useTabPaused'
export { en } from './i18n/en'
export { type ErrorMessageKey, errorMessageKey, type Locale, type Messages } from './i18n/messages'
export { errorText, useMessages } from './i18n/useMessages'
export { zhCN } from './i18n/zhCN'
export { SessionContext, type SessionContextValue } from './SessionContext'
export { sessionKeys } from './sessionKeys'
export { useBrowserOnline } from './useBrowserOnline'
export { useChat } from './useChat'
export { useKicked } from './useKicked'
export { useLogin } from './useLogin'
export { type LoginStatus, useLoginStatus } from './useLoginStatus'
export { useLogout } from './useLogout'
export { type NetStatus, useNetState } from './useNetState'
export { shallowEqual, useSession } from './useSession'
export { useSessionContext } from './useSessionContext'
export { useSessionEvent } from './useSessionEvent'
export { type UserSigInfo, useUserSig } from './useUserSig'
