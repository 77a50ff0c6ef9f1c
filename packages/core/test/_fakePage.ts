import type { PageSignals } from '../src/index'

/**
 * A page for the session's `pageSignals` seam: the test says when the browser is online again or the page is
 * seen again, and can ask whether the session still listens.
 */
export function fakePage() {
  const listeners = new Set<Parameters<PageSignals>[0]>()
  const pageSignals: PageSignals = (signals) => {
    listeners.add(signals)
    return () => {
      listeners.delete(signals)
    }
  }
  return {
    pageSignals,
    online: () => {
      for (const l of listeners) l.online()
    },
    visible: () => {
      for (const l of listeners) l.visible()
    },
    listening: () => listeners.size,
  }
}
