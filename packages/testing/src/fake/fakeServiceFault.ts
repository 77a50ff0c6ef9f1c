/**
 * A lasting fault of the fake service, the same names as the gateway's (`setFault`):
 * `'black-hole'` answers nothing, `'hang-login'` answers everything but logins, `'none'` serves normally.
 *
 * @example
 * service.setFault('black-hole') // every request of every client goes unanswered
 */
export type FakeServiceFault = 'none' | 'black-hole' | 'hang-login'

/** What a request is, as far as a fault cares. */
export type FakeRequestKind = 'login' | 'other'

/** @internal The fault switch a service shares with its clients. */
export interface FaultSwitch {
  current(): FakeServiceFault
  set(fault: FakeServiceFault): void
  swallows(kind: FakeRequestKind): boolean
  /**
   * Holds a swallowed request's re-send until the service answers again. The real SDK re-sends its pending
   * requests on its next reconnect (every 3–4 s against a silent server); the fake re-sends at once.
   */
  park(resend: () => void): void
  /** Drops held re-sends (the client was destroyed). */
  unpark(resend: () => void): void
}

const FAULTS: readonly FakeServiceFault[] = ['none', 'black-hole', 'hang-login']

/**
 * @internal
 * @example
 * const faults = createFaultSwitch()
 * faults.set('hang-login')
 */
export function createFaultSwitch(): FaultSwitch {
  let fault: FakeServiceFault = 'none'
  const parked = new Set<() => void>()
  const swallows = (kind: FakeRequestKind): boolean =>
    fault === 'black-hole' || (fault === 'hang-login' && kind === 'login')
  return {
    current: () => fault,
    set(next) {
      if (!FAULTS.includes(next)) throw new RangeError(`fault must be one of ${FAULTS.join(', ')}`)
      fault = next
      for (const resend of [...parked]) {
        parked.delete(resend)
        resend()
      }
    },
    swallows,
    park: (resend) => void parked.add(resend),
    unpark: (resend) => void parked.delete(resend),
  }
}
