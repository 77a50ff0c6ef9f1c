import { ChatSessionProvider, useLoginStatus, userSigFromEndpoint } from '@chat-session/react'
import TencentCloudChat from '@tencentcloud/chat'

const chat = TencentCloudChat.create({ SDKAppID: 1400000000 })

function Who() {
  const { isLoggedIn, userID } = useLoginStatus()
  return <p>{isLoggedIn ? `Signed in as ${userID}` : 'Signing in…'}</p>
}

export const App = () => (
  <ChatSessionProvider chat={chat} fetchUserSig={userSigFromEndpoint('/api/usersig')} userID="alice">
    <Who />
  </ChatSessionProvider>
)
