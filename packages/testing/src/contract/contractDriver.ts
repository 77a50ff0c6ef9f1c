import type { KickInfo } from '@chat-session/core'

/**
 * The seam between the contract scenarios and an SDK under test. A driver builds a "world" per scenario:
 * a session service (the fake's, or the local gateway) and SDK clients on it, plus the server-side controls.
 * Scenarios only see these interfaces, so each one is written once and runs on every driver.
 */

import type { ContractMessaging } from './contractMessaging'

/** The part of a `@tencentcloud/chat` 3.6.6 instance the scenarios use; the fake and the real SDK both fit. */
export interface ContractChat {
  /** Messaging, where the driver's SDK has it (the real SDK; the fake has none): `messagingScenarios`. */
  readonly messages?: ContractMessaging
  login(options: { userID: string; userSig: string }): Promise<unknown>
  logout(): Promise<unknown>
  isReady(): boolean
  getLoginUser(): string
  /** Stands for every API behind the SDK's ready-guard. */
  getConversationList(): Promise<unknown>
  destroy(): Promise<unknown>
  on(eventName: string, handler: (event: { readonly name: string; readonly data: unknown }) => void): void
}

/** One session event (or a step the scenario marked), with the SDK state seen at that moment. */
export interface SeenEvent {
  /** The SDK event name (`sdkStateReady`, `kickedOut`…), `net:<state>` for `netStateChange`, or a mark. */
  readonly name: string
  readonly data: unknown
  /** `isReady()` inside the handler. */
  readonly ready: boolean
  /** `getLoginUser()` inside the handler. */
  readonly user: string
}

/** An SDK instance of the world, recording every session event from its creation on. */
export interface ContractClient {
  readonly chat: ContractChat
  readonly events: readonly SeenEvent[]
  /** Event names from index `from` on. */
  names(from?: number): string[]
  /** Appends a step (e.g. `'login resolved'`) with the state at this moment, to check its place in the order. */
  mark(name: string): void
}

/** Server-side kick reasons, the core's (as the gateway and the fake service name them). */
export type ContractKick = KickInfo['reason']

export interface ContractSignOptions {
  /** Lifetime in whole seconds; negative gives a sig that is already expired. Default one day. */
  readonly expireSeconds?: number
  /** Sign for another app (the server answers 70014). */
  readonly sdkAppId?: number
  /** Sign with a key that is not the app's (the server answers 70003). */
  readonly forged?: boolean
}

/**
 * A session service with its SDK clients, for one scenario. Every control acts on the server side and
 * resolves once the service took it (a browser driver reaches the gateway over HTTP).
 */
export interface ContractWorld {
  readonly sdkAppId: number
  /** A new, separate SDK instance of the app (a second client of one user behaves like a second tab). */
  client(): ContractClient
  sign(userID: string, options?: ContractSignOptions): Promise<string>
  /** Kicks every session of `userID`. */
  kick(userID: string, type: ContractKick): Promise<void>
  /** Expires every session of `userID` now; the SDK hears it on its next heartbeat. */
  expire(userID: string): Promise<void>
  /** Closes every socket from the server side. */
  drop(): Promise<void>
  /** The service is unreachable for `ms`; resolves when it is back. */
  outage(ms: number): Promise<void>
  /** Answers the next fresh login with `code`. */
  failNextLogin(code: number): Promise<void>
  /** Leaves the next fresh login unanswered. */
  hangNextLogin(): Promise<void>
  /** Destroys every client and stops the service. */
  close(): Promise<void>
}

export interface ContractDriver {
  /** Short key, e.g. `'fake'`. */
  readonly name: string
  /** Column title in the README table. */
  readonly title: string
  open(): Promise<ContractWorld>
}
