import { randomBytes } from 'node:crypto'
import type { WireKickType } from './protocol'

/** One logged-in SDK instance, keyed by the a2 key it was handed. */
export interface GatewayInstance {
  /** Session credential; never log it. */
  readonly a2Key: string
  readonly userID: string
  readonly tinyId: string
  /** Non-zero: the SDK ignores REST and expiry kicks while its instance id is 0. */
  readonly instId: number
  /** Unix ms (`TLS.time + TLS.expire` of the sig it logged in with); `expire()` moves it to the past. */
  expiresAt: number
  /** Id of the socket it last spoke on, `null` once that socket closed. */
  connectionId: number | null
  /** Unix ms when its socket closed (meaningful while `connectionId` is null). */
  offlineSince: number
  /** Pending or delivered kick. `deliveredAt` is null until a push or heartbeat answer carried it. */
  kick: { readonly type: WireKickType; deliveredAt: number | null } | null
}

/** Timing rules of the registry, in ms. */
export interface RegistryTiming {
  /** A socket-less instance still counts as online this long (covers reconnects). */
  readonly offlineGraceMs: number
  /** A socket-less instance is forgotten after this long; its a2 key stops working. */
  readonly forgetOfflineMs: number
  /** A delivered kick is forgotten after this long (the SDK does not always log out after one). */
  readonly forgetKickedMs: number
  /** An ended session's a2 key is remembered this long, to tell late heartbeats from unknown keys. */
  readonly rememberEndedMs: number
}

/** In-memory session table of the gateway. No I/O; time is passed in so the rules are easy to follow. */
export class SessionRegistry {
  readonly #byA2 = new Map<string, GatewayInstance>()
  /** a2 key → unix ms when its session ended (logout, expiry). */
  readonly #ended = new Map<string, number>()
  readonly #timing: RegistryTiming
  // Random base so instance ids differ between gateway runs, like a real service's.
  #nextInstId = 1 + Math.floor(Math.random() * 1_000_000)

  constructor(timing: RegistryTiming) {
    this.#timing = timing
  }

  /** Registers a fresh login. */
  create(userID: string, expiresAt: number, connectionId: number): GatewayInstance {
    const instance: GatewayInstance = {
      a2Key: randomBytes(32).toString('hex'),
      userID,
      // Real tiny ids exceed 2^53; a safe integer keeps the SDK's numeric telemetry exact.
      tinyId: String(144_115_000_000 + this.#nextInstId),
      instId: this.#nextInstId++,
      expiresAt,
      connectionId,
      offlineSince: 0,
      kick: null,
    }
    this.#byA2.set(instance.a2Key, instance)
    return instance
  }

  get(a2Key: string): GatewayInstance | undefined {
    return this.#byA2.get(a2Key)
  }

  /** Ends a session (logout, expiry); its a2 key is remembered for a while as "ended", not "unknown". */
  end(a2Key: string, now: number): void {
    if (this.#byA2.delete(a2Key)) this.#ended.set(a2Key, now)
  }

  /** True when the a2 key belonged to a session that ended moments ago. */
  endedRecently(a2Key: string, now: number): boolean {
    const endedAt = this.#ended.get(a2Key)
    return endedAt !== undefined && now - endedAt <= this.#timing.rememberEndedMs
  }

  /** Binds an instance to the socket it just spoke on. */
  attach(instance: GatewayInstance, connectionId: number): void {
    instance.connectionId = connectionId
  }

  /** Marks the instances of a closed socket offline. */
  detachConnection(connectionId: number, now: number): void {
    for (const instance of this.#byA2.values()) {
      if (instance.connectionId === connectionId) {
        instance.connectionId = null
        instance.offlineSince = now
      }
    }
  }

  /** Instances that still hold a valid session (not kicked, not expired), optionally of one user. */
  live(now: number, userID?: string): GatewayInstance[] {
    this.sweep(now)
    return [...this.#byA2.values()].filter(
      (i) => i.kick === null && now <= i.expiresAt && (userID === undefined || i.userID === userID),
    )
  }

  /** userID → count of live instances that have a socket or lost it less than `offlineGraceMs` ago. */
  online(now: number): Record<string, number> {
    const counts: Record<string, number> = {}
    for (const i of this.live(now)) {
      if (i.connectionId === null && now - i.offlineSince > this.#timing.offlineGraceMs) continue
      counts[i.userID] = (counts[i.userID] ?? 0) + 1
    }
    return counts
  }

  /** Forgets instances nobody can use any more, so a long-running gateway does not grow. */
  sweep(now: number): void {
    const { forgetOfflineMs, forgetKickedMs, rememberEndedMs } = this.#timing
    for (const [a2, i] of this.#byA2) {
      const gone = i.connectionId === null && now - i.offlineSince > forgetOfflineMs
      const kickedLongAgo = i.kick?.deliveredAt != null && now - i.kick.deliveredAt > forgetKickedMs
      if (gone || kickedLongAgo) this.#byA2.delete(a2)
    }
    for (const [a2, endedAt] of this.#ended) {
      if (now - endedAt > rememberEndedMs) this.#ended.delete(a2)
    }
  }

  clear(): void {
    this.#byA2.clear()
    this.#ended.clear()
  }
}
