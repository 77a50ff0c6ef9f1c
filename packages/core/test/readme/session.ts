import { createSession } from '@chat-session/core'
import TencentCloudChat from '@tencentcloud/chat'

export const session = createSession({
  chat: TencentCloudChat.create({ SDKAppID: 1400000001 }),
  // Your endpoint (see @chat-session/server). Throwing means "try again later"; forbidden means "stop".
  fetchUserSig: async (userID, { signal }) => {
    const res = await fetch('/api/usersig', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userID }),
      signal,
    })
    if (res.status === 401 || res.status === 403) return { error: 'forbidden' }
    if (!res.ok) throw new Error(`usersig endpoint answered ${res.status}`)
    return res.json() // { userSig, expiresAt }
  },
})

session.store.subscribe((now, before) => {
  if (now.status !== before.status) console.log(now.status)
  if (now.netLost !== before.netLost) console.log(now.netLost ? 'connection lost' : 'connection back')
})
session.on('kicked', ({ reason }) => console.log(`signed out: ${reason}`))
await session.login('alice') // resolves once the SDK is ready; rejects with a SessionError
