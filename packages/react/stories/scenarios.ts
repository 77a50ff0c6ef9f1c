import type { Session } from '@chat-session/core'
import type { FakeSession } from './fakeSession'

/** Waits until the session's snapshot satisfies `done` (for scenarios that must see one state before the next). */
export function until(
  session: Session,
  done: (s: ReturnType<Session['getSnapshot']>) => boolean,
): Promise<void> {
  return new Promise((resolve) => {
    if (done(session.getSnapshot())) return resolve()
    const stop = session.store.subscribe((s) => {
      if (!done(s)) return
      stop()
      resolve()
    })
  })
}

type Scenario = (fake: FakeSession, session: Session) => unknown

/**
 * What the fake world does once the story's user is signed in (or at once without one). Also offered in the
 * "Fake SDK" toolbar menu, to fire on any story.
 */
export const scenarios = {
  'kick-multi-device': (f) => f.kick('multi-device'),
  'kick-multi-account': (f) => f.kick('multi-account'),
  /** Paused under `tabs: 'follow-focus'` (the default), the kick with "Use here" under `tabs: 'ask'`. */
  'another-tab-of-this-browser': (f, s) => f.openAnotherTab(s.getSnapshot().userID ?? 'alice'),
  'kick-rest-api': (f) => f.kick('rest-api'),
  'expire-sig': (f) => f.expireSig(),
  'expire-slow-refresh': (f) => {
    f.mode = 'slow'
    f.expireSig()
  },
  'expire-forbidden': (f) => {
    f.mode = 'forbidden'
    f.expireSig()
  },
  'expire-exhausted': (f) => {
    f.mode = 'expired'
    f.expireSig()
  },
  'expire-stale': (f) => {
    f.mode = 'stale'
    f.expireSig()
  },
  'browser-offline': (f) => f.goOffline(),
  'server-unreachable': (f) => f.serverUnreachable(),
  reconnect: (f) => f.reconnect(),
  'lost-then-reconnected': async (f, s) => {
    f.serverUnreachable()
    await until(s, (snap) => snap.netLost)
    f.reconnect()
  },
  'sign-out': (_, s) => s.logout().catch(() => {}),
  'slow-sign-out': (f, s) => {
    f.chat.fake.setLatency(600_000)
    return s.logout().catch(() => {})
  },
  'sign-in-alice': (_, s) => s.login('alice').catch(() => {}),
} satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof scenarios
