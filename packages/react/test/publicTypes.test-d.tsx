// Type tests of the public API, checked by `tsc -b` (never run): what an app's editor will accept and refuse.
import type { KickInfo, SessionError, SessionStatus } from '@chat-session/core'
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import {
  ChatSessionProvider,
  type ChatSessionProviderProps,
  SessionGate,
  shallowEqual,
  type TabPausedModel,
  TabPausedNotice,
  type TabPolicy,
  type UserSigInfo,
  useLogin,
  useLoginStatus,
  useSession,
  useSessionEvent,
  useTabPaused,
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
    const tabs: TabPolicy = 'ask'
    ;<ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} options={{ tabs, takeoverDwell: 500 }} />
    // @ts-expect-error: the tab policies are 'follow-focus' and 'ask'
    ;<ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} options={{ tabs: 'last-wins' }} />
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
    useSessionEvent('paused', (e) => expectTypeOf(e).toEqualTypeOf<{ readonly userID: string }>())
    // @ts-expect-error: not a session event
    useSessionEvent('kickedOut', () => {})
  })

  it('useTabPaused is the paused notice, headless; SessionGate takes a paused node', () => {
    const p = useTabPaused()
    expectTypeOf(p).toEqualTypeOf<TabPausedModel>()
    expectTypeOf(p.userID).toEqualTypeOf<string | null>()
    expectTypeOf(p.useHere).toEqualTypeOf<() => void>()
    ;<SessionGate paused={<p>Open in another tab</p>} />
    ;<TabPausedNotice unstyled classNames={{ button: 'btn' }} />
    // @ts-expect-error: not a part of the notice
    ;<TabPausedNotice classNames={{ dialog: 'x' }} />
  })

  it('mutations and the sig query are typed with SessionError, and the query never holds the sig', () => {
    expectTypeOf(useLogin()).toEqualTypeOf<UseMutationResult<void, SessionError, string>>()
    expectTypeOf(useUserSig()).toEqualTypeOf<UseQueryResult<UserSigInfo, SessionError>>()
    expectTypeOf<UserSigInfo>().not.toHaveProperty('userSig')
  })
})
