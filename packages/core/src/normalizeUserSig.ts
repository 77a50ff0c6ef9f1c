import { decodeUserSig } from './decodeUserSig'
import { SessionError } from './sessionError'

/** A fetcher's answer after checking: the sig with what decoding it said. */
export interface NormalizedUserSig {
  readonly userSig: string
  readonly identifier: string
  readonly sdkAppId: number
  readonly issuedAt: number
  readonly expiresAt: number
}

/**
 * Checks whatever a fetcher returned and decodes the sig. Throws a `SessionError`:
 * `forbidden` for `{ error: 'forbidden' }`, `sig-invalid` for anything that is not a UserSig.
 */
export async function normalizeUserSig(raw: unknown): Promise<NormalizedUserSig> {
  if ((raw as { error?: unknown } | null)?.error === 'forbidden') {
    throw new SessionError('forbidden', undefined, undefined, (raw as { message?: unknown }).message)
  }
  const userSig =
    typeof raw === 'string'
      ? raw
      : typeof raw === 'object' && raw !== null && 'userSig' in raw
        ? (raw as { userSig: unknown }).userSig
        : undefined
  if (typeof userSig !== 'string' || userSig.length === 0) {
    throw new SessionError('sig-invalid')
  }
  const decoded = await decodeUserSig(userSig)
  const given = (raw as { expiresAt?: unknown }).expiresAt
  // The fetcher's own expiry wins (its server knows best); the decoded one is the fallback.
  const expiresAt =
    typeof given === 'number' && Number.isFinite(given) && given > 0 ? given : decoded.expiresAt
  return {
    userSig,
    identifier: decoded.identifier,
    sdkAppId: decoded.sdkAppId,
    issuedAt: decoded.issuedAt,
    expiresAt,
  }
}
