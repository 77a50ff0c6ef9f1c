import { createGatewayChat } from '@chat-session/testing'
import TencentCloudChat, { type ChatSDK } from '@tencentcloud/chat'
import { inject } from 'vitest'
import {
  createSession,
  type FetchUserSig,
  fromTencentChat,
  type Session,
  type SessionOptions,
  type SessionSnapshot,
} from '../../../src/index'
import { recordSession } from '../../_recordSession'

// Started in Node by packages/testing/test/contract/browser/globalSetup.ts (project `contract-browser`).
const gateway = inject('realGateway')

/** Calls an admin route of the gateway (it runs in Node, started by `globalSetup.ts`). */
export async function admin(route: string, body: object = {}): Promise<unknown> {
  const res = await fetch(`${gateway.adminUrl}/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`admin ${route} answered ${res.status}: ${await res.text()}`)
  return res.json()
}

/** The gateway's `GET /__admin/status`. */
export async function gatewayStatus(): Promise<{ armedLogins: number }> {
  return (await fetch(`${gateway.adminUrl}/status`)).json()
}

let issued = 0

/**
 * The app's sig endpoint, played by the gateway's `POST /__admin/usersig`. The lifetime varies per fetch so
 * that two sigs issued in the same second differ, as a real server's would.
 */
export const fetchFromGateway: FetchUserSig = async (userID, { signal }) => {
  const res = await fetch(`${gateway.adminUrl}/usersig`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userID, expireSeconds: 86_400 + issued++ }),
    signal,
  })
  return ((await res.json()) as { userSig: string }).userSig
}

export interface BrowserSession {
  readonly sdk: ChatSDK
  readonly session: Session
  readonly events: string[]
  readonly statuses: string[]
  readonly nets: string[]
  readonly fetchReasons: string[]
  readonly sdkLogins: string[]
  snapshot(): SessionSnapshot
  /** Disposes the session and destroys the SDK, so the next `create` gives a new instance. */
  close(): Promise<void>
}

export interface BrowserSessionOptions extends Partial<Omit<SessionOptions, 'chat'>> {
  /**
   * The SDK module to create the instance with. The SDK caches one instance per SDKAppID in module scope, so a
   * second live session in this page (another "tab") needs a second copy of the module.
   */
  readonly sdkModule?: typeof TencentCloudChat
}

/** A session on the real SDK in this page; `close()` it so the next `create` gives a new instance. */
export function browserSession(options: BrowserSessionOptions = {}): BrowserSession {
  const { sdkModule = TencentCloudChat, ...sessionOptions } = options
  const sdk = createGatewayChat(sdkModule, gateway)
  const sdkLogins: string[] = []
  const fetchReasons: string[] = []
  const fetchUserSig = sessionOptions.fetchUserSig ?? fetchFromGateway
  const session = createSession({
    chat: fromTencentChat({
      login: (params) => {
        sdkLogins.push(params.userID)
        return sdk.login(params)
      },
      logout: () => sdk.logout(),
      isReady: () => sdk.isReady(),
      getLoginUser: () => sdk.getLoginUser(),
      on: (name, handler, context) => sdk.on(name, handler, context),
      off: (name, handler, context) => sdk.off(name, handler, context),
    }),
    sdkAppId: gateway.sdkAppId,
    tabChannel: false,
    ...sessionOptions,
    fetchUserSig: (userID, context) => {
      fetchReasons.push(context.reason)
      return fetchUserSig(userID, context)
    },
  })
  const { events, statuses, nets } = recordSession(session)
  return {
    sdk,
    session,
    events,
    statuses,
    nets,
    fetchReasons,
    sdkLogins,
    snapshot: () => session.getSnapshot(),
    async close() {
      session.dispose()
      // destroy() rejects with 2024 when not logged in but still stops the SDK's timers and socket.
      await sdk.destroy().catch(() => undefined)
    },
  }
}

/** Real-time pause. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
