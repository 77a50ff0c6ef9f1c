/**
 * The local gateway's development secret. It signs UserSigs only the gateway on loopback accepts and means
 * nothing to Tencent Cloud; it still never goes near the browser (no `NEXT_PUBLIC_`; the app reads it only
 * through the `server-only` serverConfig.ts), so a real key in the same place would not leak either.
 * scripts/guardedBuild.mjs checks the browser bundle for it.
 */
export const DEV_SECRET_KEY = 'csk-next-dev-secret-3b81e6f05c2a4d97a1e4c8f2d06b5a73'
