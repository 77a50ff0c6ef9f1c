/**
 * Runs `step` for each event, one at a time and in order. SDK events fire synchronously inside the SDK calls
 * the effects make: an event raised while another is being handled waits its turn, so each step sees the state
 * the previous one left.
 */
export function createEventQueue<E>(step: (event: E) => void): (event: E) => void {
  const queue: E[] = []
  let draining = false
  return (event) => {
    queue.push(event)
    if (draining) return
    draining = true
    try {
      for (let e = queue.shift(); e; e = queue.shift()) step(e)
    } finally {
      draining = false
    }
  }
}
