import type { SessionTraceOutput, SessionTraceTimer, SessionTracing } from './sessionTrace'

/**
 * The session's tracing, for `session.inspect(traceSession)`: each event the engine handles, then what it did,
 * as `trace` events told without the UserSig (a fetcher's answer keeps its expiry, the SDK login its user),
 * and the timers' deadlines whenever they change.
 * The devtools and metrics of `@chat-session/react/devtools` turn it on themselves.
 *
 * @example
 * session.inspect(traceSession)
 * session.on('trace', (t) => console.debug(t.at, t.kind === 'input' ? t.input.type : t.output.type))
 */
export const traceSession: SessionTracing = (emit) => {
  let armed: Readonly<Partial<Record<SessionTraceTimer, number>>> = {}
  return (event, effects, at, timers) => {
    emit({
      at,
      kind: 'input',
      input: 'sig' in event ? { type: 'fetched', id: event.id, expiresAt: event.sig.expiresAt } : event,
    })
    for (const effect of effects) {
      if (effect.type === 'sdk-login')
        emit({ at, kind: 'output', output: { type: 'sdk-login', id: effect.id, userID: effect.userID } })
      // The promises and the teardown are the controller's own business; the other effects hold no secret.
      else if (effect.type !== 'settle' && effect.type !== 'detach')
        emit({ at, kind: 'output', output: effect as SessionTraceOutput })
    }
    const names = Object.keys({ ...armed, ...timers }) as SessionTraceTimer[]
    if (names.some((name) => armed[name] !== timers[name])) emit({ at, kind: 'timers', timers })
    armed = timers
  }
}
