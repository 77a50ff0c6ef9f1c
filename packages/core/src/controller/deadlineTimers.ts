/** setTimeout fires at once for delays above 2^31 - 1 ms; longer waits fire early and are re-armed. */
const MAX_DELAY = 2_147_483_647

/** One `setTimeout` per deadline of the engine state, following them as they change. */
export interface DeadlineTimers<N extends string> {
  /** (Re)schedules the timers whose deadline changed since the last call; cancels the ones gone. */
  follow(deadlines: Readonly<Partial<Record<N, number>>>, now: number): void
  /**
   * Re-arms every timer from the clock, so overdue ones fire at once. Timers stand still while the machine
   * sleeps and crawl in background tabs, but the deadlines are clock times.
   */
  wake(now: number): void
  clear(): void
}

/** Timers for deadlines given as clock times (Unix ms); `fire(name)` when one is reached. */
type Deadlines<N extends string> = Readonly<Partial<Record<N, number>>>

export function createDeadlineTimers<N extends string>(fire: (name: N) => void): DeadlineTimers<N> {
  const armed: Partial<Record<N, { at: number; handle: ReturnType<typeof setTimeout> }>> = {}
  let wanted: Deadlines<N> = {} as Deadlines<N>

  function follow(deadlines: Deadlines<N>, now: number, all = false): void {
    wanted = deadlines
    for (const name of Object.keys({ ...armed, ...deadlines }) as N[]) {
      const deadline = deadlines[name]
      const current = armed[name]
      if (deadline === current?.at && !all) continue
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

  return {
    follow,
    wake: (now) => follow(wanted, now, true),
    clear: () => follow({} as Deadlines<N>, 0),
  }
}
