'use client'
import {
  ChatSessionProvider,
  LoginForm,
  LoginStatusBadge,
  SessionUI,
  useLoginStatus,
  useLogout,
  userSigFromEndpoint,
} from '@chat-session/react'
import TencentCloudChat from '@tencentcloud/chat'
import { type ReactNode, useEffect, useState } from 'react'
import { PROXY_SERVER, SDK_APP_ID } from '../chatConfig'

// The kit's client half of createUserSigHandler (app/api/usersig/route.ts): POST {userID}, errors mapped.
const fetchUserSig = userSigFromEndpoint('/api/usersig')

/** Creates the page's SDK instance. Called in the browser only: on the server it would open a socket. */
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

/** The session: the kit's provider (the SDK instance is made in the browser), its UI, sign-in and sign-out. */
export function ChatApp(): ReactNode {
  const [chat, setChat] = useState<ReturnType<typeof TencentCloudChat.create> | null>(null)
  useEffect(() => setChat(createChat()), [])
  if (!chat) return <p>Loading…</p>
  return (
    <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} options={{ sdkAppId: SDK_APP_ID }}>
      <SessionUI />
      <Screen />
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
