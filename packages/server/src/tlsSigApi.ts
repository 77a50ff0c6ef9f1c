import { createRequire } from 'node:module'

/** The part of `tls-sig-api-v2` (CommonJS, no types) the handler uses. */
interface TlsSigApiModule {
  readonly Api: new (
    sdkAppId: number,
    secretKey: string,
  ) => { genUserSig(userID: string, expireSeconds: number): string }
}

/**
 * Returns a signer bound to one app. Tencent's own generator does the signing, so the sigs are byte for byte
 * what the Chat backend expects; the key stays inside the closure and the library object.
 */
export function createSigner(
  sdkAppId: number,
  secretKey: string,
): (userID: string, expireSeconds: number) => string {
  // createRequire rather than `import`: the package is CommonJS with no types, and this keeps it out of any
  // ESM interop guesswork in bundlers that load this file.
  const { Api } = createRequire(import.meta.url)('tls-sig-api-v2') as TlsSigApiModule
  const api = new Api(sdkAppId, secretKey)
  return (userID, expireSeconds) => api.genUserSig(userID, expireSeconds)
}
