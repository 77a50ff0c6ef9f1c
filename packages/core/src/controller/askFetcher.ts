import { type NormalizedUserSig, normalizeUserSig } from '../normalizeUserSig'
import { SessionError } from '../sessionError'
import type { FetchUserSig, FetchUserSigContext } from '../types'

/** Calls the app's fetcher and checks its answer: a decoded sig, or why there is none, never a throw. */
export function askFetcher(
  fetchUserSig: FetchUserSig,
  userID: string,
  context: FetchUserSigContext,
): Promise<{ sig: NormalizedUserSig } | { error: SessionError }> {
  return Promise.resolve()
    .then(() => {
      // Aborted before it started (a dispose or a newer login in the same tick): the app's fetcher is not called.
      context.signal.throwIfAborted()
      return fetchUserSig(userID, context)
    })
    .then(normalizeUserSig)
    .then(
      (sig) => ({ sig }),
      (cause: unknown) => ({
        error:
          cause instanceof SessionError
            ? cause
            : new SessionError('fetcher-failed', undefined, undefined, cause),
      }),
    )
}
