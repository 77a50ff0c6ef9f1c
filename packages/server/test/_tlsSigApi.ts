/** Tencent's own generator, the reference the kit's Web Crypto signer is compared with (CommonJS, no types). */
import { createRequire } from 'node:module'

interface TlsSigApiModule {
  readonly Api: new (
    sdkAppId: number,
    secretKey: string,
  ) => { genUserSig(userID: string, expireSeconds: number): string }
}

const { Api } = createRequire(import.meta.url)('tls-sig-api-v2') as TlsSigApiModule

/** `tls-sig-api-v2` 1.0.2's `genUserSig`; it stamps `Date.now()`, so tests fix the clock around it. */
export function referenceUserSig(
  sdkAppId: number,
  secretKey: string,
  userID: string,
  expireSeconds: number,
): string {
  return new Api(sdkAppId, secretKey).genUserSig(userID, expireSeconds)
}
