// Type test, checked by `tsc -b` (never run): an app that installed only @chat-session/react gets every type it
// needs from it, with no import from @chat-session/core (which pnpm would not let it resolve).
import { describe, expectTypeOf, it } from 'vitest'
import {
  type ChatLike,
  ChatSessionProvider,
  type FetchUserSig,
  type FetchUserSigContext,
  type FetchUserSigResult,
  type KickInfo,
  type KickReason,
  type NetState,
  type Session,
  SessionError,
  type SessionErrorKind,
  type SessionEventMap,
  type SessionOptions,
  type SessionSnapshot,
  type SessionStatus,
  useChat,
  userSigFromEndpoint,
  useSession,
  useSessionContext,
} from '../src/index'

declare const create: () => ChatLike

describe('an app with only @chat-session/react', () => {
  it('writes its fetcher and handles errors with the re-exported types and class', () => {
    const fetchUserSig: FetchUserSig = async (userID: string, { signal }: FetchUserSigContext) => {
      const res = await fetch('/api/usersig', { method: 'POST', body: JSON.stringify({ userID }), signal })
      return (await res.json()) as FetchUserSigResult
    }
    ;<ChatSessionProvider chat={create} fetchUserSig={fetchUserSig} userID="alice" />
    ;<ChatSessionProvider chat={create} fetchUserSig={userSigFromEndpoint('/api/usersig')} />
    const error: unknown = null
    if (error instanceof SessionError) expectTypeOf(error.kind).toEqualTypeOf<SessionErrorKind>()
    expectTypeOf<SessionEventMap['kicked']>().toEqualTypeOf<KickInfo>()
    expectTypeOf<KickInfo['reason']>().toEqualTypeOf<Exclude<KickReason, 'usersig-expired'>>()
  })

  it('reads the store and the session with them', () => {
    expectTypeOf(useSession((s: SessionSnapshot) => s.status)).toEqualTypeOf<SessionStatus>()
    expectTypeOf(useSession((s) => s.net)).toEqualTypeOf<NetState>()
    expectTypeOf(useSessionContext().session).toEqualTypeOf<Session>()
    expectTypeOf<SessionOptions['fetchUserSig']>().toEqualTypeOf<FetchUserSig>()
  })

  it('gets the SDK instance from useChat, typed as it says, or null', () => {
    expectTypeOf(useChat()).toEqualTypeOf<ChatLike | null>()
    interface FullSdk extends ChatLike {
      getConversationList(): Promise<unknown>
    }
    expectTypeOf(useChat<FullSdk>()).toEqualTypeOf<FullSdk | null>()
    // @ts-expect-error: a factory returns the SDK instance
    ;<ChatSessionProvider chat={() => 1400000000} fetchUserSig={async () => ''} />
  })
})
