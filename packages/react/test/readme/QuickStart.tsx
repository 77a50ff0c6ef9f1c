import { ChatSessionProvider, useLoginStatus, userSigFromEndpoint } from '@chat-session/react'
import TencentCloudChat from '@tencentcloud/chat'

// A function, not an instance: the provider calls it once, in the browser, never while rendering on the server.
const createChat = () => TencentCloudChat.create({ SDKAppID: 1400000000 })

function Who() {
  const { isLoggedIn, userID } = useLoginStatus()
  return <p>{isLoggedIn ? `Signed in as ${userID}` : 'Signing in…'}</p>
}

export const App = () => (
  <ChatSessionProvider chat={createChat} fetchUserSig={userSigFromEndpoint('/api/usersig')} userID="alice">
    <Who />
  </ChatSessionProvider>
)
