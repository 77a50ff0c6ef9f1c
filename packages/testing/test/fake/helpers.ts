import { CHAT_EVENT, type ChatEvent } from '../../src/fake/chatEvent'
import type { FakeChat } from '../../src/fake/createFakeChat'
import { signUserSig } from '../../src/sig/signUserSig'

export const SDK_APP_ID = 1400000000
export const SECRET_KEY = 'made-up-secret-key-for-tests-0123456789abcdef'

/** A valid sig for the default test app, issued now (read from the possibly faked clock). */
export function sigFor(
  userID: string,
  options: { expireSeconds?: number; sdkAppId?: number; secretKey?: string } = {},
): Promise<string> {
  return signUserSig({
    sdkAppId: options.sdkAppId ?? SDK_APP_ID,
    secretKey: options.secretKey ?? SECRET_KEY,
    userID,
    expireSeconds: options.expireSeconds ?? 86400,
  })
}

export interface Seen {
  readonly name: string
  readonly data: unknown
  /** isReady() and getLoginUser() at the moment the handler ran. */
  readonly ready: boolean
  readonly user: string
}

/** Every event a session layer listens to (the fake's list, checked against the real SDK's). */
const SESSION_EVENTS = Object.values(CHAT_EVENT)

/** Records every session event with the SDK state seen from inside the handler. */
export function recordEvents(chat: FakeChat): Seen[] {
  const seen: Seen[] = []
  const handler = (event: ChatEvent): void => {
    seen.push({ name: event.name, data: event.data, ready: chat.isReady(), user: chat.getLoginUser() })
  }
  for (const name of SESSION_EVENTS) chat.on(name, handler)
  return seen
}

export const names = (seen: readonly Seen[]): string[] =>
  seen.map((e) => (e.name === 'netStateChange' ? `net:${(e.data as { state: string }).state}` : e.name))

export type Outcome<T> =
  | { status: 'pending' }
  | { status: 'resolved'; value: T }
  | { status: 'rejected'; error: unknown }

/** Watches a promise without awaiting it, so tests can assert it is still pending after time has passed. */
export function track<T>(promise: Promise<T>): { readonly current: Outcome<T> } {
  const box: { current: Outcome<T> } = { current: { status: 'pending' } }
  promise.then(
    (value) => {
      box.current = { status: 'resolved', value }
    },
    (error: unknown) => {
      box.current = { status: 'rejected', error }
    },
  )
  return box
}
