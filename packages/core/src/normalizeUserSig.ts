import { decodeUserSig } from './decodeUserSig'
import { SessionError } from './sessionError'

/** A fetcher's answer after checking: the sig with what decoding it said. */
export interface NormalizedUserSig {
  readonly userSig: string
  readonly identifier: string
  readonly sdkAppId: number
  readonly issuedAt: number
  readonly expiresAt: number
  /** The server's clock when it answered (Unix ms), when the fetcher passed it on. */
  readonly serverTime?: number | null
}

/**
 * Checks whatever a fetcher returned and decodes the sig. Throws a `SessionError`: `forbidden` for
 * `{ error: 'forbidden' }`, `fetcher-failed` (terminal) for an answer without a string `userSig`, `sig-invalid`
 * for a string that is not a UserSig.
 */
export async function normalizeUserSig(raw: unknown): Promise<NormalizedUserSig> {
  const answer = raw as {
    userSig?: unknown
    expiresAt?: unknown
    serverTime?: unknown
    error?: unknown
    message?: unknown
  } | null
  if (answer?.error === 'forbidden') throw new SessionError('forbidden', undefined, undefined, answer.message)
  const userSig = typeof raw === 'string' ? raw : answer?.userSig
  // The commonest slips: a `Response` not yet `.json()`-ed, or the sig under another name. Say what came back:
  // a plain object's keys, else its type, never a value (it may be a credential).
  if (typeof userSig !== 'string') {
    const tag = Object.prototype.toString.call(raw)
    const shape = tag === '[object Object]' ? `{ ${Object.keys(raw as object).join(', ')} }` : tag
    throw new SessionError(
      'fetcher-failed',
      undefined,
      'answer',
      `fetchUserSig answered ${shape}, no userSig`,
    )
  }
  const decoded = await decodeUserSig(userSig)
  // The fetcher's own expiry wins (its server knows best); the decoded one is the fallback.
  return {
    ...decoded,
    userSig,
    expiresAt: unixMs(answer?.expiresAt) ?? decoded.expiresAt,
    serverTime: unixMs(answer?.serverTime),
  }
}

/** A usable Unix ms time, else null. */
const unixMs = (value: unknown) => (typeof value === 'number' && value > 0 && value < Infinity ? value : null)
