import { createFakeChat, createFakeChatService, type FakeChatService } from '@chat-session/testing'
import { vi } from 'vitest'
import { createSession, type FetchUserSig, type SessionOptions } from '../src/index'
import { recordSession } from './_recordSession'
import { makeSig, SDK_APP_ID, SECRET_KEY } from './_sig'

export interface HarnessOptions {
  readonly fetchUserSig?: FetchUserSig
  readonly session?: Partial<Omit<SessionOptions, 'chat' | 'fetchUserSig'>>
  readonly service?: FakeChatService
}

/** A session on a fake SDK whose service checks real sigs, with spies on everything a test asserts. */
export function harness(options: HarnessOptions = {}) {
  const service = options.service ?? createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
  const chat = createFakeChat({ service })
  const sdkLogins: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  const realLogin = chat.login.bind(chat)
  chat.login = (params) => {
    sdkLogins.push(params.userID)
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    const settle = () => {
      inFlight--
    }
    try {
      const p = realLogin(params)
      p.then(settle, settle)
      return p
    } catch (error) {
      settle()
      throw error
    }
  }
  // tls-sig-api-v2 signs whole seconds: vary the lifetime so every fetch gives a new sig, as a server would.
  let issued = 0
  const fetchUserSig = vi.fn<FetchUserSig>(
    options.fetchUserSig ?? (async (userID) => makeSig(userID, 7 * 86400 + issued++)),
  )
  const session = createSession({
    chat,
    fetchUserSig,
    sdkAppId: SDK_APP_ID,
    random: () => 0.5,
    tabChannel: false,
    ...options.session,
  })
  const { events, statuses } = recordSession(session)
  return {
    service,
    chat,
    session,
    fetchUserSig,
    events,
    statuses,
    sdkLogins,
    maxInFlight: () => maxInFlight,
    snapshot: () => session.getSnapshot(),
    fetchReasons: () => fetchUserSig.mock.calls.map(([, ctx]) => ctx.reason),
  }
}

/** Calls `login()` and lets fake time run until it settles. */
export async function loginNow(h: { session: { login(id: string): Promise<void> } }, userID: string) {
  await Promise.all([h.session.login(userID), settle(50)])
}

// Captured before any test installs fake timers: UserSig decoding and HMAC checks run on Node's thread pool,
// so they need real event-loop turns that fake time cannot give.
const realSetTimeout = globalThis.setTimeout
const realTurn = () => new Promise<void>((resolve) => realSetTimeout(resolve, 1))

/**
 * Lets `ms` of fake time pass, in growing steps with real event-loop turns between them, so thread-pool work
 * (decoding, HMAC) finishes at about the fake moment it started.
 */
export async function settle(ms = 10): Promise<void> {
  let done = 0
  let step = 2
  while (done < ms) {
    await realTurn()
    await realTurn()
    const advance = Math.min(step, ms - done)
    await vi.advanceTimersByTimeAsync(advance)
    done += advance
    step = Math.min(step * 2, 1_000)
  }
  // A tail of tiny steps lets chains that straddle the end (decode → SDK login → 1 ms ready gap) finish,
  // with room for a machine busy running other suites.
  for (let i = 0; i < 16; i++) {
    await realTurn()
    await realTurn()
    await vi.advanceTimersByTimeAsync(1)
  }
}
