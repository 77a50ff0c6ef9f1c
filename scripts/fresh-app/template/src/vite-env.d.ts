/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_SDK_APP_ID: string
  /** The local gateway's websocket URL; unset against Tencent Cloud Chat. */
  readonly VITE_CHAT_PROXY_SERVER?: string
}
