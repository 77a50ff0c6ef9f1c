import 'server-only'
import { PROXY_SERVER } from '../chatConfig'
import { DEV_SECRET_KEY } from './devSecret'

/**
 * The key the UserSig endpoint signs with: `CHAT_SECRET_KEY` in cloud mode (required there), else the
 * development secret. Read from the server's environment when the route module loads.
 */
export function secretKey(): string {
  if (PROXY_SERVER !== null) return DEV_SECRET_KEY
  const key = process.env.CHAT_SECRET_KEY?.trim()
  if (!key)
    throw new Error(
      'Set CHAT_SECRET_KEY on the server: NEXT_PUBLIC_CHAT_SDK_APP_ID selects Tencent Cloud Chat.',
    )
  return key
}

/** Lifetime of the UserSigs the endpoint issues, in seconds (`USERSIG_TTL_SECONDS`, default 7 days). */
export function userSigTtl(): number {
  const raw = process.env.USERSIG_TTL_SECONDS?.trim()
  const value = raw ? Number(raw) : 7 * 86_400
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error('USERSIG_TTL_SECONDS must be a whole number >= 1')
  return value
}
