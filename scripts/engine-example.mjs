#!/usr/bin/env node
// The session engine on its own, on the fake SDK: sign in, ride out a network blip, an expired UserSig
// (refreshed by itself) and a kick from another device (left to the user). Run with `npm run example`.
import { createSession } from '../packages/core/dist/index.js'
import { createFakeChat, createFakeChatService, signUserSig } from '../packages/testing/dist/index.js'

const sdkAppId = 1400000000
const secretKey = 'example-secret-key-for-the-fake-service'
const chat = createFakeChat({ service: createFakeChatService({ sdkAppId, secretKey }) })
let fetches = 0
const session = createSession({
  chat,
  sdkAppId,
  netLostAfter: 300,
  tabChannel: false,
  fetchUserSig: async (userID, { reason }) => {
    fetches++
    console.log(`  fetcher: UserSig for ${userID} (${reason})`)
    return signUserSig({ sdkAppId, secretKey, userID, expireSeconds: 3600 + fetches })
  },
})
session.store.subscribe((s) =>
  console.log(
    `  store: ${s.status} ${s.userID ?? '-'} net=${s.net}${s.netLost ? ' (lost)' : ''}${s.kicked ? ` kicked=${s.kicked.reason}` : ''}`,
  ),
)
for (const type of ['kicked', 'sig-expired', 'sig-refreshed', 'net-lost', 'net-restored']) {
  session.on(type, () => console.log(`  event: ${type}`))
}
const wait = (ms) => new Promise((r) => setTimeout(r, ms))

console.log('login("alice") three times at once: one fetch, one SDK login')
await Promise.all([session.login('alice'), session.login('alice'), session.login('alice')])
console.log(`  SDK logins so far: ${chat.fake.calls.login}`)

console.log('a short blip: nothing reaches the UI')
chat.fake.setNet('connecting')
await wait(100)
chat.fake.setNet('connected')
await wait(400)

console.log('the UserSig expires while online: refreshed without the user')
chat.fake.expireSig()
await wait(100)

console.log('kicked from another device: the user decides')
chat.fake.kick('multi-device')
await wait(100)
console.log(`  SDK logins: ${chat.fake.calls.login}, fetches: ${fetches}`)
session.dispose()
await chat.destroy().catch(() => {})
