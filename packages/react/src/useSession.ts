'use client'
import type { SessionSnapshot } from '@chat-session/core'
import { useRef, useSyncExternalStore } from 'react'
import { useSessionContext } from './useSessionContext'

/**
 * Reads from the session store. The component re-renders only when the selected value changes
 * (by `Object.is`, or by `equality` when given).
 *
 * @example
 * const status = useSession((s) => s.status)
 * const who = useSession((s) => ({ status: s.status, userID: s.userID }), shallowEqual)
 */
export function useSession<T>(
  selector: (snapshot: SessionSnapshot) => T,
  equality: (a: T, b: T) => boolean = Object.is,
): T {
  const { store } = useSessionContext().session
  const memo = useRef<{ snapshot: SessionSnapshot; selector: typeof selector; value: T } | null>(null)
  const getSelection = () => {
    const snapshot = store.getState()
    const prev = memo.current
    if (prev?.snapshot !== snapshot || prev.selector !== selector) {
      const value = selector(snapshot)
      // Handing back the previous value when equal is what lets useSyncExternalStore skip the render.
      memo.current = { snapshot, selector, value: prev && equality(prev.value, value) ? prev.value : value }
    }
    return memo.current!.value
  }
  return useSyncExternalStore(store.subscribe, getSelection, getSelection)
}

/**
 * Shallow equality for selected objects: same keys, `Object.is` values. Pass it to {@link useSession} when a
 * selector builds a new object, so the component renders only when a field changed.
 *
 * @example
 * const { net, netLost } = useSession((s) => ({ net: s.net, netLost: s.netLost }), shallowEqual)
 */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  const keysA = Object.keys(a)
  if (keysA.length !== Object.keys(b).length) return false
  return keysA.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}
