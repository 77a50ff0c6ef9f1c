import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { Api } = require('tls-sig-api-v2') as {
  Api: new (sdkAppId: number, secretKey: string) => { genUserSig(userID: string, expire: number): string }
}

export const SDK_APP_ID = 1400000001
export const SECRET_KEY = 'core-tests-secret-key-not-a-real-one-0123456789abcdef'

/** A real UserSig from Tencent's own generator (uses Date.now, so fake timers shift it). */
export function makeSig(userID: string, expireSeconds = 7 * 86400, sdkAppId = SDK_APP_ID): string {
  return new Api(sdkAppId, SECRET_KEY).genUserSig(userID, expireSeconds)
}
