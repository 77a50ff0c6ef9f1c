'use client'
import type { ReactNode } from 'react'
import { classes, type StyleProps } from './classes'
import { type ConnectionBannerOptions, useConnectionBanner } from './useConnectionBanner'

/**
 * Props of `<ConnectionBanner>`.
 *
 * @example
 * <ConnectionBanner alertAfter={60_000} className="app-banner" />
 */
export interface ConnectionBannerProps extends ConnectionBannerOptions, StyleProps<'status' | 'alert'> {}

/**
 * A banner for a lost connection: "Waiting for network…" when the browser is offline, "Reconnecting…" when
 * chat is, then "Reconnected" for a few seconds. Blips shorter than the grace period never show. A polite
 * live region (`role="status"`, always mounted) that becomes an alert after a long outage.
 * Headless: {@link useConnectionBanner}.
 *
 * @example
 * <ChatSessionProvider chat={chat} fetchUserSig={userSigFromEndpoint('/api/usersig')} userID="alice">
 *   <ConnectionBanner alertAfter={30_000} />
 * </ChatSessionProvider>
 */
export function ConnectionBanner(props: ConnectionBannerProps): ReactNode {
  const { state, outage, message } = useConnectionBanner(props)
  const cls = classes('banner', props)
  return (
    <div className={cls()} data-state={state} data-outage={outage || undefined}>
      <div role="status" className={cls('status')}>
        {outage ? '' : message}
      </div>
      {outage && (
        <div role="alert" className={cls('alert')}>
          {message}
        </div>
      )}
    </div>
  )
}
