// Type tests of the public API, checked by `tsc -b` (never run): what an app's editor will accept and refuse.
import type { KickInfo, SessionError, SessionStatus } from '@chat-session/core'
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import {
  ChatSessionProvider,
  type ChatSessionProviderProps,
  shallowEqual,
  type UserSigInfo,
  useLogin,
  useLoginStatus,
  useSession,
  useSessionEvent,
  useUserSig,
} from '../src/index'

declare const chat: ChatSessionProviderProps['chat']

describe('@chat-session/react public types', () => {
  it('the provider takes a UserID, null to sign out, or nothing to sign in by hand', () => {
    const fetchUserSig: ChatSessionProviderProps['fetchUserSig'] = async () => 'eJx…'
    ;<ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID="alice" />
    ;<ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID={null} />
    ;<ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} locale="zh-CN" />
    // @ts-expect-error: no fetcher
    ;<ChatSessionProvider chat={chat} />
    // @ts-expect-error: only the built-in locales; other languages go through `messages`
    ;<ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} locale="fr" />
  })

  it('useSession infers what the selector returns', () => {
    expectTypeOf(useSession((s) => s.status)).toEqualTypeOf<SessionStatus>()
    expectTypeOf(useSession((s) => ({ net: s.net, lost: s.netLost }), shallowEqual)).toEqualTypeOf<{
      net: 'connected' | 'connecting' | 'disconnected'
      lost: boolean
    }>()
    const sameNumber = (a: number, b: number) => a === b
    // @ts-expect-error: the equality compares two selections of the same type
    useSession((s) => s.status, sameNumber)
    expectTypeOf(useLoginStatus().isLoggedIn).toEqualTypeOf<boolean>()
  })

  it('useSessionEvent hands the handler the payload of that event', () => {
    useSessionEvent('kicked', (kick) => expectTypeOf(kick).toEqualTypeOf<KickInfo>())
    useSessionEvent('sig-refreshed', ({ expiresAt }) =>
      expectTypeOf(expiresAt).toEqualTypeOf<number | null>(),
    )
    // @ts-expect-error: not a session event
    useSessionEvent('kickedOut', () => {})
  })

  it('mutations and the sig query are typed with SessionError, and the query never holds the sig', () => {
    expectTypeOf(useLogin()).toEqualTypeOf<UseMutationResult<void, SessionError, string>>()
    expectTypeOf(useUserSig()).toEqualTypeOf<UseQueryResult<UserSigInfo, SessionError>>()
    expectTypeOf<UserSigInfo>().not.toHaveProperty('userSig')
  })
})
