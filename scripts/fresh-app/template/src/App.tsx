import {
  ChatSessionProvider,
  LoginForm,
  SessionUI,
  useLoginStatus,
  useLogout,
  userSigFromEndpoint,
} from '@chat-session/react'
import TencentCloudChat from '@tencentcloud/chat'

const SDKAppID = Number(import.meta.env.VITE_SDK_APP_ID)
const proxyServer = import.meta.env.VITE_CHAT_PROXY_SERVER

/** The app as the READMEs wire it: a factory `chat`, the kit's own fetcher, the session UI, sign-in and out. */
export function App() {
  return (
    <ChatSessionProvider
      chat={() => TencentCloudChat.create(proxyServer ? { SDKAppID, proxyServer } : { SDKAppID })}
      fetchUserSig={userSigFromEndpoint('/api/usersig')}
    >
      <SessionUI />
      <Home />
    </ChatSessionProvider>
  )
}

function Home() {
  const { isLoggedIn, userID } = useLoginStatus()
  const logout = useLogout()
  if (!isLoggedIn) return <LoginForm />
  return (
    <main>
      <p>Signed in as {userID}</p>
      <button type="button" onClick={() => logout.mutate()}>
        Sign out
      </button>
    </main>
  )
}
