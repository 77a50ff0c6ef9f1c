import { ChatSessionProvider, useLoginStatus } from '@chat-session/react'
import TencentCloudChat from '@tencentcloud/chat'

const chat = TencentCloudChat.create({ SDKAppID: 1400000000 })
const fetchUserSig = (userID: string) => fetch(`/api/usersig?user=${userID}`).then((r) => r.json())

function Who() {
  const { isLoggedIn, userID } = useLoginStatus()
  return <p>{isLoggedIn ? `Signed in as ${userID}` : 'Signing in…'}</p>
}

export const App = () => (
  <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID="alice">
    <Who />
  </ChatSessionProvider>
)
