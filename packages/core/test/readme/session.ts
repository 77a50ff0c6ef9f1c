import { createSession, userSigFromEndpoint } from '@chat-session/core'
import TencentCloudChat from '@tencentcloud/chat'

export const session = createSession({
  // A factory (or an instance): with one, a login stuck during an outage gets a fresh instance every 2 s.
  chat: () => TencentCloudChat.create({ SDKAppID: 1400000001 }),
  // POSTs { userID } to your createUserSigHandler (@chat-session/server) and maps its answers for the engine.
  fetchUserSig: userSigFromEndpoint('/api/usersig'),
})

session.store.subscribe((now, before) => {
  if (now.status !== before.status) console.log(now.status)
  if (now.netLost !== before.netLost) console.log(now.netLost ? 'connection lost' : 'connection back')
})
session.on('kicked', ({ reason }) => console.log(`signed out: ${reason}`))
await session.login('alice') // resolves once the SDK is ready; rejects with a SessionError
