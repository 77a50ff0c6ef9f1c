import { CHAT_EVENT } from '../fake/chatEvent'
import type { ContractChat, ContractClient, SeenEvent } from './contractDriver'

/** Every event a session layer listens to (the fake's list, checked against the real SDK's). */
const SESSION_EVENTS = Object.values(CHAT_EVENT)

/**
 * Wraps an SDK instance so every session event is recorded with `isReady()`/`getLoginUser()` as seen inside
 * the handler: the order and the state at each step are what the contract compares.
 */
export function recordClient(chat: ContractChat): ContractClient {
  const events: SeenEvent[] = []
  const push = (name: string, data: unknown) =>
    events.push({ name, data, ready: chat.isReady(), user: chat.getLoginUser() })
  for (const eventName of SESSION_EVENTS) {
    chat.on(eventName, (event) => {
      const state =
        eventName === 'netStateChange' ? (event.data as { state?: unknown } | undefined)?.state : null
      push(state == null ? eventName : `net:${String(state)}`, event.data)
    })
  }
  return {
    chat,
    events,
    names: (from = 0) => events.slice(from).map((e) => e.name),
    mark: (name) => push(name, undefined),
  }
}
