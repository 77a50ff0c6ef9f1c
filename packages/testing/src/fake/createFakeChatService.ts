import { decodeUserSig, type KickInfo } from '@chat-session/core'
import { CHAT_ERROR_CODE } from '@chat-session/core/engine'
import { verifyUserSig } from '../sig/verifyUserSig'
import { createFaultSwitch, type FakeServiceFault, type FaultSwitch } from './fakeServiceFault'

/** Why the server kicks a client: another device, another tab or page (same platform), the REST API. */
export type FakeKickKind = KickInfo['reason']

/** Options of {@link createFakeChatService}: the app, how sigs are checked, and the service's timing. */
export interface FakeChatServiceOptions {
  /** The app every client of this service belongs to. Default 1400000000. */
  readonly sdkAppId?: number
  /** When set, sigs are HMAC-checked too (70003 on a bad signature); else only the decoded fields are. */
  readonly secretKey?: string
  /** Round-trip time of every request in ms, default 0 (answered on a microtask, so no timer to advance). */
  readonly latency?: number
  /** Heartbeat period in ms; a sig is found expired on the first heartbeat after expiry. Default 30 000. */
  readonly helloInterval?: number
  /** `false` accepts any non-empty sig (no 70001/70003/70013/70014). Default `true`. */
  readonly verifySig?: boolean
}

/**
 * The simulated Chat backend several fake clients can share, so that two "tabs" logging in as the same user
 * kick each other the way the platform does by default.
 */
export interface FakeChatService {
  readonly sdkAppId: number
  /** Default round-trip time for clients; each client can override it with `chat.fake.setLatency`. */
  readonly latency: number
  readonly helloInterval: number
  /** Online users and how many clients each has logged in. */
  sessions(): Record<string, number>
  /** Kicks every client logged in as `userID` (as a server push); returns how many were kicked. */
  kick(userID: string, type: FakeKickKind): number
  /**
   * Expires the sessions of `userID` now, as the gateway's `expire`: each client hears it on its next
   * heartbeat (KICKED_OUT userSigExpired). They stop counting in `sessions()` at once. Returns how many.
   */
  expire(userID: string): number
  /** Answers the next fresh login of any client with `code` (and `message`). Queues with `hangNextLogin`. */
  failNextLogin(code: number, message?: string): void
  /** Leaves the next fresh login of any client unanswered (it rejects 2801 after the SDK's 90 s). */
  hangNextLogin(): void
  /**
   * Switches a lasting fault, as the gateway's `setFault`: `'black-hole'` (nothing answered, pending requests
   * answered once it ends), `'hang-login'` (logins unanswered, the rest served) or `'none'`.
   */
  setFault(fault: FakeServiceFault): void
}

/** @internal What a client tells the service about itself. */
export interface ServiceClient {
  serverKick(kind: FakeKickKind): void
  /** The server now holds the client's sig as expired; the client finds out on its next heartbeat. */
  serverExpire(): void
}

/** @internal The result of a login request, as the server answers it. */
export type LoginVerdict =
  | { readonly ok: true; readonly expiresAt: number }
  | { readonly ok: false; readonly code: number; readonly message: string }

/** @internal The client-facing side of the service: what the wire protocol would carry. */
export interface ServiceLink {
  readonly verifySig: boolean
  readonly faults: FaultSwitch
  verifyLogin(userID: string, userSig: string): Promise<LoginVerdict>
  /** Registers the client as online; older clients of the same user are kicked (multipleAccount). */
  online(client: ServiceClient, userID: string): void
  offline(client: ServiceClient): void
  /** A process-unique number per successful login, for instanceID/tinyID/a2Key. */
  nextInstance(): number
}

const links = new WeakMap<FakeChatService, ServiceLink>()
let instanceSeq = 0

/**
 * Creates a simulated Chat backend. Pass it to several `createFakeChat({ service })` to model tabs.
 *
 * @example
 * const service = createFakeChatService({ secretKey: 'test-key' })
 * const tabA = createFakeChat({ service })
 * const tabB = createFakeChat({ service })
 * // tabB logging in as the user of tabA kicks tabA with 'multipleAccount'
 */
export function createFakeChatService(options: FakeChatServiceOptions = {}): FakeChatService {
  const sdkAppId = options.sdkAppId ?? 1400000000
  const latency = options.latency ?? 0
  const helloInterval = options.helloInterval ?? 30_000
  const verifySig = options.verifySig ?? true
  const { secretKey } = options
  if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0)
    throw new TypeError('sdkAppId must be a positive integer')
  if (!Number.isFinite(latency) || latency < 0) throw new TypeError('latency must be a non-negative number')
  if (!Number.isFinite(helloInterval) || helloInterval <= 0)
    throw new TypeError('helloInterval must be positive')

  const online = new Map<ServiceClient, string>()
  // Armed by failNextLogin/hangNextLogin, consumed by fresh logins in order (as the gateway does).
  const loginOverrides: Array<LoginVerdict | 'hang'> = []
  const faults = createFaultSwitch()

  const clientsOf = (userID: string): ServiceClient[] =>
    [...online].filter(([, u]) => u === userID).map(([client]) => client)

  function kickClient(client: ServiceClient, kind: FakeKickKind): void {
    // Server side first: the session is gone before the client hears about it.
    online.delete(client)
    client.serverKick(kind)
  }

  const service: FakeChatService = {
    sdkAppId,
    latency,
    helloInterval,
    sessions() {
      const counts = new Map<string, number>()
      for (const userID of online.values()) counts.set(userID, (counts.get(userID) ?? 0) + 1)
      return Object.fromEntries(counts)
    },
    kick(userID, type) {
      const targets = clientsOf(userID)
      for (const client of targets) kickClient(client, type)
      return targets.length
    },
    expire(userID) {
      const targets = clientsOf(userID)
      for (const client of targets) {
        online.delete(client)
        client.serverExpire()
      }
      return targets.length
    },
    failNextLogin(code, message = '') {
      if (!Number.isInteger(code) || code === 0) throw new TypeError('code must be a non-zero integer')
      loginOverrides.push({ ok: false, code, message })
    },
    hangNextLogin() {
      loginOverrides.push('hang')
    },
    setFault: (fault) => faults.set(fault),
  }

  links.set(service, {
    verifySig,
    faults,
    async verifyLogin(userID, userSig) {
      const override = loginOverrides.shift()
      if (override === 'hang') return new Promise<never>(() => undefined)
      if (override) return override
      if (!verifySig)
        return {
          ok: true,
          expiresAt: await decodeUserSig(userSig).then(
            (d) => d.expiresAt,
            () => Infinity,
          ),
        }
      let decoded: Awaited<ReturnType<typeof decodeUserSig>>
      try {
        decoded = await decodeUserSig(userSig)
      } catch {
        return {
          ok: false,
          code: CHAT_ERROR_CODE.USERSIG_INVALID,
          message: 'The UserSig is not in the tls-sig-api-v2 format.',
        }
      }
      if (secretKey !== undefined) {
        const verdict = await verifyUserSig(userSig, { sdkAppId, secretKey, userID })
        return verdict.ok
          ? { ok: true, expiresAt: verdict.expiresAt }
          : { ok: false, code: verdict.code, message: verdict.reason }
      }
      if (decoded.sdkAppId !== sdkAppId) {
        return {
          ok: false,
          code: CHAT_ERROR_CODE.SDKAPPID_MISMATCH,
          message: `The UserSig was made for SDKAppID ${decoded.sdkAppId}.`,
        }
      }
      // Same order as verifyUserSig (and the local gateway): the user is checked before the expiry.
      if (decoded.identifier !== userID) {
        return {
          ok: false,
          code: CHAT_ERROR_CODE.USERID_MISMATCH,
          message: 'The UserSig was made for another userID.',
        }
      }
      if (Date.now() > decoded.expiresAt)
        return { ok: false, code: CHAT_ERROR_CODE.USERSIG_EXPIRED, message: 'The UserSig has expired.' }
      return { ok: true, expiresAt: decoded.expiresAt }
    },
    online(client, userID) {
      // One instance per user per platform is the platform default: the newer login wins.
      for (const [other, u] of [...online])
        if (u === userID && other !== client) kickClient(other, 'multi-account')
      online.set(client, userID)
    },
    offline(client) {
      online.delete(client)
    },
    nextInstance() {
      instanceSeq += 1
      return instanceSeq
    },
  })
  return service
}

/** @internal The wire between a fake client and its service. */
export function linkService(service: FakeChatService): ServiceLink {
  const link = links.get(service)
  if (!link) throw new TypeError('Not a service made by createFakeChatService')
  return link
}
