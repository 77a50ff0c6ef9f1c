import { type Effect, type EngineEvent, type EngineState, transition } from '../src/engine'

/** The clock and jitter every pure-engine test runs with. */
export const env = { now: 1_000_000, random: 0.5 }

/** Feeds events one by one; returns the final state and every effect in order. */
export function feed(state: EngineState, ...events: EngineEvent[]) {
  const effects: Effect[] = []
  let s = state
  for (const event of events) {
    const r = transition(s, event, env)
    s = r.state
    effects.push(...r.effects)
  }
  return { state: s, effects, types: effects.map((e) => e.type) }
}
