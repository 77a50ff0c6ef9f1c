// Type tests of the public API, checked by `tsc -b` (never run): what an app's editor will accept and refuse.
import { describe, expectTypeOf, it } from 'vitest'
import {
  createSession,
  type FetchUserSig,
  type KickInfo,
  type Session,
  SessionError,
  type SessionErrorKind,
  type SessionSnapshot,
  type SessionStatus,
} from '../src/index'

declare const chat: Parameters<typeof createSession>[0]['chat']

describe('@chat-session/core public types', () => {
  it('a fetcher may answer a sig, a sig with its expiry, or forbidden, and nothing else', () => {
    const plain: FetchUserSig = async () => 'eJx…'
    const withExpiry: FetchUserSig = async () => ({ userSig: 'eJx…', expiresAt: Date.now() + 60_000 })
    const forbidden: FetchUserSig = async () => ({ error: 'forbidden', message: 'banned' })
    // @ts-expect-error: only 'forbidden' is a terminal answer; anything else is thrown
    const other: FetchUserSig = async () => ({ error: 'unauthorized' })
    // @ts-expect-error: the sig is a string
    const numeric: FetchUserSig = async () => ({ userSig: 42 })
    expectTypeOf([plain, withExpiry, forbidden, other, numeric]).items.toEqualTypeOf<FetchUserSig>()
  })

  it('createSession needs the chat and the fetcher; the snapshot never holds the sig', () => {
    const session = createSession({ chat, fetchUserSig: async () => 'eJx…' })
    expectTypeOf(session).toEqualTypeOf<Session>()
    // @ts-expect-error: no fetcher
    createSession({ chat })
    expectTypeOf(session.getSnapshot().status).toEqualTypeOf<SessionStatus>()
    expectTypeOf(session.getSnapshot().sig).toEqualTypeOf<{ readonly expiresAt: number } | null>()
    expectTypeOf<SessionSnapshot>().not.toHaveProperty('userSig')
    expectTypeOf(session.login).returns.toEqualTypeOf<Promise<void>>()
  })

  it('session events carry their own payload types', () => {
    const session = createSession({ chat, fetchUserSig: async () => 'eJx…' })
    session.on('kicked', (kick) => expectTypeOf(kick).toEqualTypeOf<KickInfo>())
    session.on('net-lost', ({ net }) =>
      expectTypeOf(net).toEqualTypeOf<'connected' | 'connecting' | 'disconnected'>(),
    )
    session.on('login-failed', ({ error }) => expectTypeOf(error).toEqualTypeOf<SessionError>())
    // @ts-expect-error: not a session event
    session.on('sdkStateReady', () => {})
  })

  it('errors are one class with a closed set of kinds', () => {
    const error = new SessionError('forbidden')
    expectTypeOf(error.kind).toEqualTypeOf<SessionErrorKind>()
    expectTypeOf(error.code).toEqualTypeOf<number | undefined>()
    // @ts-expect-error: not a kind
    new SessionError('oops')
  })
})
