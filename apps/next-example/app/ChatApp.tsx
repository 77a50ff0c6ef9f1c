'use client'
import {
  ChatSessionProvider,
  LoginForm,
  LoginStatusBadge,
  SessionUI,
  useChat,
  useLoginStatus,
  useLogout,
  userSigFromEndpoint,
} from '@chat-session/react'
import TencentCloudChat from '@tencentcloud/chat'
import type { ReactNode } from 'react'
import { PROXY_SERVER, SDK_APP_ID } from '../chatConfig'

// The kit's client half of createUserSigHandler (app/api/usersig/route.ts): POST {userID}, errors mapped.
const fetchUserSig = userSigFromEndpoint('/api/usersig')

/**
 * Makes the page's SDK instance. Handed to the provider as a factory, so it runs once, in the browser, after
 * the first render: never while `next build` prerenders this page or the server renders it, where
 * `TencentCloudChat.create()` would open a socket to the cloud.
 */
function createChat(): ReturnType<typeof TencentCloudChat.create> {
  const chat = TencentCloudChat.create({
    SDKAppID: SDK_APP_ID,
    // Local mode: the SDK opens its websocket to the gateway on loopback instead of Tencent's servers.
    ...(PROXY_SERVER ? { proxyServer: PROXY_SERVER } : {}),
  })
  // Warnings and errors only: the SDK's chattier levels echo request details into the console.
  chat.setLogLevel(2)
  return chat
}

/** The session: the kit's provider, its UI (banner, kicked and expired dialogs), sign-in and sign-out. */
export function ChatApp(): ReactNode {
  return (
    <ChatSessionProvider chat={createChat} fetchUserSig={fetchUserSig} options={{ sdkAppId: SDK_APP_ID }}>
      <SessionUI />
      <Screen />
      <SdkInstance />
    </ChatSessionProvider>
  )
}

function Screen(): ReactNode {
  const { isLoggedIn, userID } = useLoginStatus()
  const logout = useLogout()
  if (!isLoggedIn) return <LoginForm />
  return (
    <section className="example__signed-in" aria-label="Session">
      <p>
        Signed in as <strong>{userID}</strong> <LoginStatusBadge />
      </p>
      <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        Sign out
      </button>
    </section>
  )
}

/** Where the SDK instance is: none in the server's HTML, the factory's once the page runs in the browser. */
function SdkInstance(): ReactNode {
  const chat = useChat()
  return (
    <p className="example__sdk">
      {chat ? 'SDK instance: created in this browser.' : 'SDK instance: none yet (server-rendered HTML).'}
    </p>
  )
}
