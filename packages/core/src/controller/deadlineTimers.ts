/** setTimeout fires at once for delays above 2^31 - 1 ms; longer waits fire early and are re-armed. */
const MAX_DELAY = 2_147_483_647

type Deadlines<N extends string> = Readonly<Partial<Record<N, number>>>

/**
 * One `setTimeout` per deadline of the engine state (clock times, Unix ms), following them as they change:
 * `follow` (re)schedules the timers whose deadline changed and cancels the ones gone; with `rearm` it
 * re-arms every one from the clock, so overdue ones fire at once. Timers stand still while the machine sleeps
 * and crawl in background tabs, but the deadlines are clock times. `fire(name)` when one is reached.
 */
export function createDeadlineTimers<N extends string>(
  fire: (name: N) => void,
): (deadlines: Deadlines<N>, now: number, rearm?: boolean) => void {
  const armed: Partial<Record<N, { at: number; handle: ReturnType<typeof setTimeout> }>> = {}
  return (deadlines, now, rearm) => {
    for (const name of Object.keys({ ...armed, ...deadlines }) as N[]) {
      const deadline = deadlines[name]
      const current = armed[name]
      if (deadline === current?.at && !rearm) continue
      clearTimeout(current?.handle)
      delete armed[name]
      if (deadline !== undefined) {
        const handle = setTimeout(
          () => {
            delete armed[name]
            fire(name)
          },
          Math.min(Math.max(deadline - now, 0), MAX_DELAY),
        )
        armed[name] = { at: deadline, handle }
      }
    }
  }
}
