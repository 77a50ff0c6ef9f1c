import type { FetchUserSigReason, KickReason, SessionErrorKind } from '@chat-session/core'

/**
 * One measurement, computed from the session's public trace (durations in ms of the session's clock):
 * - `time-to-ready`: from `login()` / `retry()` to signed in (the SDK said ready).
 * - `fetch-latency`: one call of the UserSig fetcher, with its reason and how it ended.
 * - `refresh-gap`: from the UserSig expiring (`sig-expired`) to signed in again.
 * - `outage`: the chat connection down (disconnected or reconnecting) until connected again.
 * - `kick`: the server ended the session, by reason (`usersig-expired` too).
 * - `failure`: a failed step (the fetcher or the SDK login), by error kind. Superseded calls do not count.
 *
 * @example
 * observeSessionMetrics(session, (m) => {
 *   if (m.name === 'fetch-latency') console.debug(`UserSig fetch (${m.reason}) took ${m.ms} ms`)
 * })
 */
export type SessionMetric =
  | { readonly name: 'time-to-ready'; readonly ms: number; readonly userID: string }
  | {
      readonly name: 'fetch-latency'
      readonly ms: number
      readonly reason: FetchUserSigReason
      readonly outcome: 'ok' | 'error' | 'aborted'
    }
  | { readonly name: 'refresh-gap'; readonly ms: number }
  | { readonly name: 'outage'; readonly ms: number }
  | { readonly name: 'kick'; readonly reason: KickReason }
  | { readonly name: 'failure'; readonly step: 'fetch' | 'sdk-login'; readonly kind: SessionErrorKind }

/** The names of {@link SessionMetric}s that measure a duration. */
export type DurationMetricName = 'time-to-ready' | 'fetch-latency' | 'refresh-gap' | 'outage'
