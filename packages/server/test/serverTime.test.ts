import { decodeUserSig, userSigFromEndpoint } from '@chat-session/core'
import { afterEach, describe, expect, it } from 'vitest'
import { json, startTestServer, type TestServer } from './_http'

const servers: TestServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

describe('serverTime: the server clock with each sig', () => {
  it("is the server's real clock when it answered, in Unix ms (not the limiter's injectable clock)", async () => {
    const server = await startTestServer({ now: () => 0 })
    servers.push(server)
    const before = Date.now()
    const answer = json(await server.post({ userID: 'alice' }))
    const after = Date.now()
    expect(answer.serverTime).toBeGreaterThanOrEqual(before)
    expect(answer.serverTime).toBeLessThanOrEqual(after)
    // Never earlier than the sig's own stamp (whole seconds).
    const { issuedAt } = await decodeUserSig(answer.userSig as string)
    expect(answer.serverTime).toBeGreaterThanOrEqual(issuedAt)
  })

  it('userSigFromEndpoint hands it to the engine with the sig', async () => {
    const server = await startTestServer()
    servers.push(server)
    const fetchUserSig = userSigFromEndpoint(server.url)
    const result = await fetchUserSig('alice', { reason: 'login', signal: new AbortController().signal })
    expect(result).toEqual({
      userSig: expect.any(String),
      expiresAt: expect.any(Number),
      serverTime: expect.any(Number),
    })
  })
})
