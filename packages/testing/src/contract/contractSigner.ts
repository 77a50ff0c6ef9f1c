import { signUserSig } from '../sig/signUserSig'
import type { ContractSignOptions } from './contractDriver'

const DAY_S = 86_400

/**
 * `ContractWorld.sign` for an app and its key: sigs byte-identical to `tls-sig-api-v2`'s, so the fake service
 * and the gateway check the same thing. A forged sig is signed with a key that is not the app's.
 */
export function contractSigner(
  sdkAppId: number,
  secretKey: string,
): (userID: string, options?: ContractSignOptions) => Promise<string> {
  return (userID, options = {}) =>
    signUserSig({
      sdkAppId: options.sdkAppId ?? sdkAppId,
      secretKey: options.forged ? `not-${secretKey}` : secretKey,
      userID,
      expireSeconds: options.expireSeconds ?? DAY_S,
    })
}
