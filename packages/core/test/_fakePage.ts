import type { PageSignals } from '../src/index'

/**
 * A page for the session's `pageSignals` seam: the test says when the browser is online again, the page is
 * seen again, focused or pressed in, and can ask whether the session still listens. `focused` is told at once
 * when given (a tab opened in the background: false).
 */
export function fakePage(options: { readonly focused?: boolean } = {}) {
  const listeners = new Set<Parameters<PageSignals>[0]>()
  const pageSignals: PageSignals = (signals) => {
    listeners.add(signals)
    // As the browser's own signals do: where the page stands when the session starts listening.
    if (options.focused !== undefined) signals.focus(options.focused)
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
