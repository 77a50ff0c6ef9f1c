/**
 * Shared helpers for the gateway tests: a fresh copy of the real SDK per chat, real UserSigs from
 * `tls-sig-api-v2`, an event recorder and a polling `waitFor`.
 */
import { createRequire } from 'node:module'
import type { ChatSDK } from '@tencentcloud/chat'
import { test as base } from 'vitest'
import { createNodeChat } from '../../src/contract/createNodeChat'
import { type GatewayLogger, type LocalGateway, startLocalGateway } from '../../src/gateway'

const require = createRequire(import.meta.url)

export const APP_ID = 1_400_000_001
export const OTHER_APP_ID = 1_400_000_002
export const SECRET_KEY = 'gateway-test-secret-0123456789abcdef0123456789abcdef0123456789'

type TlsSigApi = {
  Api: new (sdkAppId: number, key: string) => { genUserSig(userID: string, expire: number): string }
}
const tlsSig = require('tls-sig-api-v2') as TlsSigApi

/** A real UserSig from `tls-sig-api-v2`. A negative `expireSeconds` gives a sig that is already expired. */
export function sign(
  userID: string,
  expireSeconds = 600,
  { sdkAppId = APP_ID, key = SECRET_KEY }: { sdkAppId?: number; key?: string } = {},
): string {
  return new tlsSig.Api(sdkAppId, key).genUserSig(userID, expireSeconds)
}

export interface RecordedEvent {
  readonly name: string
  readonly data: unknown
  /** `chat.isReady()` at the moment the event fired. */
  readonly ready: boolean
}

export interface TestChat {
  readonly chat: ChatSDK
  readonly events: RecordedEvent[]
  /** Event names, optionally only those after index `from`. */
  names(from?: number): string[]
  login(userID: string, userSig: string): Promise<unknown>
}

const SESSION_EVENTS = ['sdkStateReady', 'sdkStateNotReady', 'kickedOut', 'netStateChange', 'error']

/** A real SDK instance (own module copy) pointed at `gatewayUrl`, recording the session events. */
function createTestChat(gatewayUrl: string, sdkAppId: number): TestChat {
  // Own module copy per chat: two chats of one app are two live instances (two "tabs").
  const chat = createNodeChat(gatewayUrl, sdkAppId)
  const events: RecordedEvent[] = []
  for (const name of SESSION_EVENTS) {
    chat.on(name, (event: { data: unknown }) =>
      events.push({ name, data: event.data, ready: chat.isReady() }),
    )
  }
  return {
    chat,
    events,
    names: (from = 0) =>
      events
        .slice(from)
        .map((e) => (e.name === 'netStateChange' ? `net:${(e.data as { state: string }).state}` : e.name)),
    login: async (userID, userSig) => {
      const result: unknown = await chat.login({ userID, userSig })
      events.push({ name: 'login resolved', data: undefined, ready: chat.isReady() })
      return result
    },
  }
}

/** What each SDK test gets: its own gateway (helloInterval 1 s, captured log) and chats on it. */
export interface Harness {
  readonly gateway: LocalGateway
  /** Every line the gateway logged, as text. */
  readonly lines: string[]
  /** A new SDK instance (own module copy) on this gateway. */
  chat(sdkAppId?: number): TestChat
  /** A chat logged in as `userID` and past SDK_READY. */
  readyChat(userID: string, userSig?: string): Promise<TestChat>
}

/**
 * `test` with a per-test {@link Harness} fixture. Every test owns its gateway and chats, so the tests of a
 * file can run concurrently (they mostly wait for 1 s heartbeats) and `sessions()` shows only their users.
 */
export const test = base.extend<{ h: Harness }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures must destructure their context
  h: async ({}, use) => {
    const log = captureLogger()
    const gateway = await startLocalGateway({
      sdkAppId: APP_ID,
      secretKey: SECRET_KEY,
      helloInterval: 1,
      logger: log.logger,
    })
    const chats: ChatSDK[] = []
    const chat = (sdkAppId = APP_ID) => {
      const t = createTestChat(gateway.url, sdkAppId)
      chats.push(t.chat)
      return t
    }
    await use({
      gateway,
      lines: log.lines,
      chat,
      readyChat: async (userID, userSig = sign(userID)) => {
        const t = chat()
        await t.login(userID, userSig)
        await waitFor(() => t.chat.isReady(), 2000, `${userID} ready`)
        return t
      },
    })
    // destroy() rejects with 2024 when not logged in but still stops the SDK's timers and socket.
    await Promise.all(chats.map((c) => c.destroy().catch(() => undefined)))
    await gateway.close()
  },
})

/** Polls `check` until it returns true. */
export async function waitFor(check: () => boolean, timeoutMs = 8000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(20)
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** A logger that keeps every line as text, to assert on what the gateway did (and never logs). */
export function captureLogger(): { logger: GatewayLogger; lines: string[] } {
  const lines: string[] = []
  const push = (level: string) => (message: string, details?: object) =>
    void lines.push(`${level} ${message} ${details ? JSON.stringify(details) : ''}`)
  return {
    lines,
    logger: { debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') },
  }
}
