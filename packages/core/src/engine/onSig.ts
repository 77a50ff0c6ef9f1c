import { SessionError } from '../sessionError'
import type { EngineEvent } from './engineEvent'
import type { HeldSig } from './engineState'
import {
  abortFetch,
  emit,
  giveUp,
  isLoggedIn,
  retryLater,
  type Step,
  sdkUserOf,
  settle,
  startFetch,
} from './step'

// The UserSig concern: fetcher answers, `refreshUserSig()`, the fetch timeout and the proactive refresh.

/** Marks `value` as refused by the server: it is never sent again. */
export function rejectSig(s: Step, value: string | null): void {
  // The latest 8 are enough (a fetcher handing back an old sig hands back a recent one); 20,000 expiries must
  // not grow memory or slow every check.
  if (value !== null) s.rejected = [...s.rejected.slice(-7), value]
  s.sig = null
}

/** After an expired sig: fetch a new one and log in again, at most `maxRefreshes` times per cycle. */
export function refreshAfterExpiry(s: Step, user: string, code: number | undefined): void {
  emit(s, 'sig-expired', { userID: user })
  if (++s.refreshes > s.config.maxRefreshes) giveUp(s, new SessionError('sig-expired', code, 'exhausted'))
  else s.refresh = 'fetching'
}

/** A fetch ended without a usable sig: a refresh just reports it, a login retries or stops. */
function fetchFailed(s: Step, background: boolean, error: SessionError): void {
  if (background) settle(s, { op: 'refresh' }, error)
  else if (error.retryable) retryLater(s, error)
  else giveUp(s, error)
}

const startBackgroundFetch = (s: Step) => startFetch(s, sdkUserOf(s)!, 'proactive', true)

/**
 * When to fetch the next sig, on this clock: at 90 % of a short life, else `leeway` before expiry. The sig's
 * times are the server's, so a clock that is hours off would fetch at once or only after the expiry kick:
 * they are moved by the offset measured when the sig arrived.
 */
export function prefetchAt(sig: HeldSig, leeway: number): number {
  const expiresAt = sig.expiresAt ?? Number.POSITIVE_INFINITY
  const lifetime = sig.issuedAt !== null ? expiresAt - sig.issuedAt : leeway * 10
  return expiresAt - (sig.clockOffset || 0) - Math.min(leeway, lifetime * 0.1)
}

export function onFetched(s: Step, event: Extract<EngineEvent, { type: 'fetched' }>) {
  const fetch = s.fetch
  if (fetch?.id !== event.id) return
  s.fetch = null
  delete s.timers.fetch
  if ('error' in event) return fetchFailed(s, fetch.background, event.error)
  const { sig } = event
  const { sdkAppId } = s.config
  const refused =
    sig.identifier !== fetch.userID
      ? new SessionError('sig-mismatch', 70013, 'user')
      : sdkAppId !== null && sig.sdkAppId !== sdkAppId
        ? new SessionError('sig-mismatch', 70014, 'app')
        : s.rejected.includes(sig.userSig)
          ? new SessionError('sig-expired', 70001, 'stale')
          : null
  if (refused) return fetchFailed(s, fetch.background, refused)
  const { expiresAt } = sig
  const held: HeldSig = {
    userID: fetch.userID,
    value: sig.userSig,
    issuedAt: sig.issuedAt,
    expiresAt,
    clockOffset: sig.serverTime ? sig.serverTime - s.now : 0,
    shown: expiresAt != null ? { expiresAt } : null,
  }
  if (fetch.background) {
    settle(s, { op: 'refresh' }, undefined, { userID: fetch.userID, expiresAt })
    emit(s, 'sig-refreshed', { userID: fetch.userID, expiresAt })
    s.nextSig = held
  } else s.sig = held
}

export function onRefresh(s: Step): void {
  if (!isLoggedIn(s)) settle(s, { op: 'refresh' }, new SessionError('not-initialized'))
  // A refresh already in flight answers this one too.
  else if (!s.fetch?.background) startBackgroundFetch(s)
}

export function onFetchTimeout(s: Step): void {
  const fetch = s.fetch
  if (!fetch) return
  abortFetch(s)
  fetchFailed(s, fetch.background, new SessionError('timeout', undefined, 'fetcher'))
}

export function onPrefetchDue(s: Step): void {
  const sig = s.sig
  if (s.fetch || !isLoggedIn(s) || sig?.expiresAt == null) return
  const at = prefetchAt(sig, s.config.refreshLeeway)
  // Long waits are re-armed in steps (setTimeout caps its delay), so check the time has come.
  if (at > s.now) s.timers.prefetch = at
  else startBackgroundFetch(s)
}
