'use client'
import type { SessionSnapshot } from '@chat-session/core'
import { useState } from 'react'
import { useMessages } from '../i18n/useMessages'
import { useBrowserOnline } from '../useBrowserOnline'
import { shallowEqual, useSession } from '../useSession'
import { useDelayed } from './useDelayed'

/**
 * Timing of the connection banner.
 *
 * @example
 * useConnectionBanner({ alertAfter: 60_000, reconnectedFor: 2000 })
 */
export interface ConnectionBannerOptions {
  /** How long "Reconnected" stays after the connection is back, in ms. Default 3000. */
  readonly reconnectedFor?: number | undefined
  /** After how long a lost connection counts as an outage (announced as an alert), in ms. Default 30 000. */
  readonly alertAfter?: number | undefined
}

/**
 * `hidden`: nothing to say; `offline`: the browser has no network; `reconnecting`: chat is reconnecting;
 * `reconnected`: back, for a moment.
 *
 * @example
 * const icon: Record<ConnectionBannerState, string> = { hidden: '', offline: '⚠', reconnecting: '↻', reconnected: '✓' }
 */
export type ConnectionBannerState = 'hidden' | 'offline' | 'reconnecting' | 'reconnected'

/**
 * What the banner shows, from {@link useConnectionBanner}.
 *
 * @example
 * const { state, outage, message }: ConnectionBannerModel = useConnectionBanner()
 */
export interface ConnectionBannerModel {
  readonly state: ConnectionBannerState
  /** The connection has been lost for longer than `alertAfter`: say it assertively. */
  readonly outage: boolean
  /** What to show, in the provider's language; empty when hidden. */
  readonly message: string
}

const selectLost = (s: SessionSnapshot) => ({
  active: s.status === 'logging-in' || s.status === 'logged-in',
  netLost: s.netLost,
})

/**
 * The connection banner, headless. Shown only while a session exists and the connection has been lost for
 * longer than the engine's grace period (`netLost`), so short blips never show; it tells "no network" apart
 * from "chat reconnecting", confirms "Reconnected" briefly, and escalates after a long outage.
 *
 * @example
 * const { state, outage, message } = useConnectionBanner()
 * <div role="status">{outage ? '' : message}</div>
 * {outage && <div role="alert">{message}</div>}
 */
export function useConnectionBanner(options: ConnectionBannerOptions = {}): ConnectionBannerModel {
  const { reconnectedFor = 3000, alertAfter = 30_000 } = options
  const { active, netLost } = useSession(selectLost, shallowEqual)
  const online = useBrowserOnline()
  const t = useMessages()
  const lost = active && netLost

  // "Reconnected" is a consequence of `lost` turning false while the session lives, decided during render.
  const [was, setWas] = useState({ lost, reconnected: false })
  if (was.lost !== lost) setWas({ lost, reconnected: !lost && active })
  const recent = was.reconnected && !lost && active
  const shownLongEnough = useDelayed(recent, reconnectedFor)
  const reconnected = recent && !shownLongEnough
  const long = useDelayed(lost, alertAfter)

  const state: ConnectionBannerState = lost
    ? online
      ? 'reconnecting'
      : 'offline'
    : reconnected
      ? 'reconnected'
      : 'hidden'
  const message = {
    hidden: '',
    offline: long ? t.bannerOutageOffline : t.bannerOffline,
    reconnecting: long ? t.bannerOutageReconnecting : t.bannerReconnecting,
    reconnected: t.bannerReconnected,
  }[state]
  return { state, outage: long, message }
}
