import type { PageSignals } from '../src/index'

/**
 * A page for the session's `pageSignals` seam: the test says when the browser is online again, the page is
 * seen again, focused or pressed in, and can ask whether the session still listens.
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
    /** The page became visible and focused (true) or stopped being either. */
    focus: (focused: boolean) => {
      for (const l of listeners) l.focus(focused)
    },
    /** A pointer or key press in the page. */
    engaged: () => {
      for (const l of listeners) l.engaged()
    },
    listening: () => listeners.size,
  }
}
