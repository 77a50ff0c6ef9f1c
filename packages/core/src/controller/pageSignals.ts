/**
 * Where a session hears about the page: `online` (the browser has a network again: a good moment to retry a
 * login that failed on it) and `visible` (the page is seen again, perhaps after the machine slept: re-arm the
 * timers from the clock). Starts listening and returns the function that stops, like TanStack Query's
 * `onlineManager.setEventListener`. Replace it outside a browser page or in tests.
 *
 * @example
 * const pageSignals: PageSignals = ({ online }) => NetInfo.addEventListener((s) => s.isConnected && online())
 * createSession({ chat, fetchUserSig, pageSignals })
 */
export type PageSignals = (signals: {
  readonly online: () => void
  readonly visible: () => void
}) => () => void

/** The default: the page's `online` and `visibilitychange` events, when there is a page (not in SSR, Node, workers). */
export const browserPageSignals: PageSignals = ({ online, visible }) => {
  const listeners = new AbortController()
  const { signal } = listeners
  const page = globalThis.document as Document | undefined
  page?.addEventListener(
    'visibilitychange',
    () => {
      if (page.visibilityState === 'visible') visible()
    },
    { signal },
  )
  ;(globalThis.window as Window | undefined)?.addEventListener('online', online, { signal })
  return () => listeners.abort()
}
