/**
 * An EventTarget standing in for the page's `window` or `document`, which knows how many listeners are still
 * attached (one added with a `signal` leaves when the signal aborts, as in a browser).
 */
export function trackedTarget<T extends object>(extra: T) {
  const target = Object.assign(new EventTarget(), extra)
  const live = new Set<unknown>()
  const add = target.addEventListener.bind(target)
  const remove = target.removeEventListener.bind(target)
  target.addEventListener = (...args: Parameters<EventTarget['addEventListener']>) => {
    const [, listener, options] = args
    live.add(listener)
    if (typeof options === 'object') options.signal?.addEventListener('abort', () => live.delete(listener))
    add(...args)
  }
  target.removeEventListener = (...args: Parameters<EventTarget['removeEventListener']>) => {
    live.delete(args[1])
    remove(...args)
  }
  return { target, listening: () => live.size }
}
