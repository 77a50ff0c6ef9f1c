/**
 * Where a session hears about the page: `online` (the browser has a network again: a good moment to retry a
 * login that failed on it), `visible` (the page is seen again, perhaps after the machine slept: re-arm the
 * timers from the clock), `focus` (whether the page is visible and focused, at once and on every change: a tab the
 * user is not in does not take the session from another) and `engaged` (a pointer or key press in it): a paused
 * tab takes the session back on those. Starts listening and returns the function that stops, like TanStack Query's
 * `onlineManager.setEventListener`. Replace it outside a browser page or in tests.
 *
 * @example
 * const pageSignals: PageSignals = ({ online }) => NetInfo.addEventListener((s) => s.isConnected && online())
 * createSession({ chat, fetchUserSig, pageSignals })
 */
export type PageSignals = (signals: {
  readonly online: () => void
  readonly visible: () => void
  readonly focus: (focused: boolean) => void
  readonly engaged: () => void
}) => () => void

/** The default: the page's `online` and `visibilitychange` events, when there is a page (not in SSR, Node, workers). */
export const browserPageSignals: PageSignals = ({ online, visible, focus, engaged }) => {
  const listeners = new AbortController()
  const options = { signal: listeners.signal, capture: true, passive: true }
  const page = globalThis.document as Document | undefined
  const win = globalThis.window as Window | undefined
  const seen = () => focus(page!.visibilityState === 'visible' && page!.hasFocus())
  page?.addEventListener(
    'visibilitychange',
    () => {
      if (page.visibilityState === 'visible') visible()
      seen()
    },
    options,
  )
  const handlers = { online, focus: seen, blur: seen, pointerdown: engaged, keydown: engaged }
  for (const [type, handler] of Object.entries(handlers)) win?.addEventListener(type, handler, options)
  // Where the page stands now: a tab opened in the background starts unfocused.
  if (page) seen()
  return () => listeners.abort()
}
