import { createRequire } from 'node:module'
import type { FetchUserSig } from '@chat-session/core'
import { createFakeChat, createFakeChatService } from '@chat-session/testing'
import { vi } from 'vitest'

const require = createRequire(import.meta.url)
const { Api } = require('tls-sig-api-v2') as {
  Api: new (sdkAppId: number, secretKey: string) => { genUserSig(userID: string, expire: number): string }
}

export const SDK_APP_ID = 1400000002
export const SECRET_KEY = 'react-tests-secret-key-not-a-real-one'
let issued = 0

/** A real UserSig from tls-sig-api-v2; each call a new one, as a server would. */
export function makeSig(userID: string, expireSeconds = 86_400): string {
  return new Api(SDK_APP_ID, SECRET_KEY).genUserSig(userID, expireSeconds + issued++)
}

/** A fake SDK whose service checks real sigs, and a fetcher spy. */
export function fakeChat() {
  const service = createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
  const chat = createFakeChat({ service })
  const fetchUserSig = vi.fn<FetchUserSig>(async (userID) => makeSig(userID))
  return { service, chat, fetchUserSig }
}
