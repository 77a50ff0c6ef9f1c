/**
 * `pnpm bench`: the real SDK against the local gateway, side by side in one process: the floor (one SDK
 * login with a sig in hand), the integration Tencent's login guide describes, and Chat Session Kit, given one
 * SDK instance (as before issue #13's goal 2) and given a factory (after: it replaces an instance whose login
 * is stuck offline). Prints a
 * table of medians and ratios to the floor. Not a test: nothing here asserts. Each run gets its own gateway
 * (heartbeat 1 s) and SDK instance; the sig endpoint answers after FETCH_MS, like a nearby server.
 */

import { test } from 'vitest'
import { type LocalGateway, startLocalGateway } from '../../packages/testing/src/gateway/index'
import {
  type Contender,
  type ContenderName,
  documented,
  floor,
  kit,
  kitWithFactory,
  type SigSource,
} from './_contenders'
import type { ChatSDK } from './_sdk'
import { installWebSocket, SDK_APP_ID, SECRET_KEY, sign, sleep } from './_sdk'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const FETCH_MS = 150
const BLACK_HOLE_MS = 15_000
const HANG_MS = 20_000
const CAP_MS = 150_000
// The SDK opens its socket in create(): scenarios that time a first login let it open first.
const SOCKET_OPEN_MS = 1000
const NAMES: readonly ContenderName[] = ['floor', 'documented', 'kit', 'kit-factory']

interface Sample {
  /** ms, or Infinity when it did not happen within the cap. */
  readonly ms: number
  readonly fetches: number
  readonly sdkLogins: number
  readonly note?: string
}

interface Scenario {
  readonly name: string
  /** When it starts (ms into the run): the sub-second ones do not share the CPU with each other. */
  readonly delay: number
  /** What is timed. */
  readonly metric: string
  run(who: ContenderName): Promise<Sample>
}

const fetchDelay = (): Promise<void> => sleep(FETCH_MS)
/** A server's sigs: a day each, a distinct lifetime per call so that no two are equal. */
const daySigs: SigSource = async (userID, n) => {
  await fetchDelay()
  return sign(userID, 86_400 + n)
}

function make(who: ContenderName, gateway: LocalGateway, source: SigSource): Contender {
  if (who === 'floor') {
    let n = 0
    return floor(gateway.url, (userID) => sign(userID, 86_400 + 1000 + n++))
  }
  if (who === 'kit-factory') return kitWithFactory(gateway.url, source)
  return who === 'documented' ? documented(gateway.url, source) : kit(gateway.url, source)
}

async function withGateway<T>(fn: (gateway: LocalGateway) => Promise<T>): Promise<T> {
  const gateway = await startLocalGateway({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, helloInterval: 1 })
  try {
    return await fn(gateway)
  } finally {
    gateway.setFault('none')
    gateway.resume()
    await gateway.close()
  }
}

/** Resolves with the time of the contender's next SDK_READY, on any of its instances (or Infinity after `cap` ms). */
function nextReady(c: Contender, cap = CAP_MS): Promise<number> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop()
      resolve(Number.POSITIVE_INFINITY)
    }, cap)
    const stop = c.onSdkReady(() => {
      clearTimeout(timer)
      stop()
      resolve(Date.now())
    })
  })
}

/**
 * Resolves with the time of the next KICKED_OUT, or Infinity after `cap` ms (a first login that failed, e.g. a
 * 6 s sig that expired on a loaded machine before it was sent, never gets one).
 */
function nextKick(chat: ChatSDK, cap = 60_000): Promise<number> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      chat.off('kickedOut', onKick)
      resolve(Number.POSITIVE_INFINITY)
    }, cap)
    const onKick = (): void => {
      clearTimeout(timer)
      chat.off('kickedOut', onKick)
      resolve(Date.now())
    }
    chat.on('kickedOut', onKick)
  })
}

const sample = (c: Contender, ms: number, note?: string): Sample => ({
  ms,
  fetches: c.fetches(),
  sdkLogins: c.sdkLogins(),
  note,
})

/** Downtime of an expiry: from KICKED_OUT userSigExpired to SDK_READY again. */
function expiry(name: string, metric: string, lifetime: number | null, delay: number): Scenario {
  return {
    name,
    metric,
    delay,
    run: (who) =>
      withGateway(async (gateway) => {
        const source: SigSource = async (userID, n) => {
          await fetchDelay()
          return sign(userID, n === 0 && lifetime !== null ? lifetime : 86_400 + n)
        }
        const c =
          who === 'floor' && lifetime !== null
            ? floor(
                gateway.url,
                (() => {
                  let n = 0
                  return (userID: string) => sign(userID, n++ === 0 ? lifetime : 86_400 + n)
                })(),
              )
            : make(who, gateway, source)
        const ready = nextReady(c)
        await c.signIn('alice').catch(() => undefined)
        await ready
        const kicked = nextKick(c.chat)
        if (lifetime === null) {
          await sleep(1500)
          gateway.expire('alice')
        }
        const kickAt = await kicked
        // No kick (the first login failed): the run shows as "never".
        const back = Number.isFinite(kickAt) ? await nextReady(c, 30_000) : kickAt
        const s = sample(c, Number.isFinite(kickAt) ? back - kickAt : kickAt)
        await c.dispose()
        return s
      }),
  }
}

/** What goes wrong from before the login until `ms` later, and how it ends. */
interface Trouble {
  readonly ms: number
  begin(gateway: LocalGateway): void
  end(gateway: LocalGateway): void
}

/** The service refuses sockets (an outage). */
const outage = (ms: number): Trouble => ({ ms, begin: (g) => g.pause(), end: (g) => g.resume() })
/** The gateway answers nothing (`black-hole`), or everything but logins (`hang-login`). */
const fault = (kind: 'black-hole' | 'hang-login', ms: number): Trouble => ({
  ms,
  begin: (g) => g.setFault(kind),
  end: (g) => g.setFault('none'),
})

/** A login made while `trouble` lasts; timed from its end. */
function atLogin(name: string, metric: string, trouble: Trouble): Scenario {
  return {
    name,
    metric,
    delay: 0,
    run: (who) =>
      withGateway(async (gateway) => {
        trouble.begin(gateway)
        const c = make(who, gateway, daySigs)
        const ready = nextReady(c)
        if (who !== 'floor') void c.signIn('alice').catch(() => undefined)
        await sleep(trouble.ms)
        const back = Date.now()
        trouble.end(gateway)
        // The floor logs in once, with its sig in hand, the moment the service serves again.
        if (who === 'floor') void c.signIn('alice').catch(() => undefined)
        const s = sample(c, (await ready) - back)
        await c.dispose()
        return s
      }),
  }
}

const outageAtLogin = (ms: number): Scenario =>
  atLogin('outage at login', `service back → ready (${ms / 1000} s outage)`, outage(ms))

const scenarios: Scenario[] = [
  // After the others' start, when a few dozen SDK module copies load at once (a 6 s sig must not expire first).
  expiry('natural expiry', 'expiry kick → ready (sig of 6 s)', 6, 5000),
  expiry('forced expiry', 'server-side expiry kick → ready', null, 20_000),
  // An SDK that is not signed in reconnects by itself about 60 s after create() (its telemetry flush), and its
  // login times out at 90 s (the documented integration and the kit with an instance log in again then): an
  // outage ending just before either flatters them. These end well clear of both.
  outageAtLogin(20_000),
  outageAtLogin(45_000),
  outageAtLogin(75_000),
  atLogin(
    'black-hole server',
    `server answers again → ready (${BLACK_HOLE_MS / 1000} s silent)`,
    fault('black-hole', BLACK_HOLE_MS),
  ),
  // The socket and heartbeats are served, logins are not: the SDK waits its own 90 s on one.
  atLogin(
    'hang-login at login',
    `logins answered again → ready (${HANG_MS / 1000} s unanswered)`,
    fault('hang-login', HANG_MS),
  ),
  {
    name: '10 callers at once',
    delay: 35_000,
    metric: 'first call → all 10 callers settled',
    run: (who) =>
      withGateway(async (gateway) => {
        const c = make(who, gateway, daySigs)
        await sleep(SOCKET_OPEN_MS)
        const t0 = Date.now()
        const callers = who === 'floor' ? 1 : 10
        const results = await Promise.allSettled(Array.from({ length: callers }, () => c.signIn('alice')))
        const ms = Date.now() - t0
        const ok = results.filter((r) => r.status === 'fulfilled').length
        const s = sample(c, ms, `${ok}/${callers} signed in`)
        await c.dispose()
        return s
      }),
  },
  {
    name: 'expired-sig fetcher',
    delay: 45_000,
    metric: 'call → caller gets an answer (cap 30 s)',
    run: (who) =>
      withGateway(async (gateway) => {
        const expired: SigSource = async (userID) => {
          await fetchDelay()
          return sign(userID, -60)
        }
        const c =
          who === 'floor' ? floor(gateway.url, (userID) => sign(userID, -60)) : make(who, gateway, expired)
        await sleep(SOCKET_OPEN_MS)
        const t0 = Date.now()
        const settled = await Promise.race([
          c.signIn('alice').then(
            () => Date.now(),
            () => Date.now(),
          ),
          sleep(30_000).then(() => Number.POSITIVE_INFINITY),
        ])
        const s = sample(c, settled - t0)
        await c.dispose()
        return s
      }),
  },
]

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const at = (i: number): number => sorted[i] ?? Number.NaN
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2
}
const ms = (v: number): string =>
  Number.isFinite(v) ? (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`) : 'never'
const ratio = (v: number, base: number): string =>
  !Number.isFinite(v) ? '∞' : base > 0 ? `${(v / base).toFixed(2)}×` : '–'

test('benchmark', async () => {
  let unhandled = 0
  const reasons = new Map<string, number>()
  const onUnhandled = (reason: unknown): void => {
    unhandled++
    const r = reason as { code?: number; kind?: string; stack?: string }
    const at = (r?.stack ?? '').split('\n').find((l) => l.includes('/packages/core/')) ?? 'the SDK'
    const key = `${r?.code ?? r?.kind ?? String(reason)} from ${at.trim().slice(0, 90)}`
    reasons.set(key, (reasons.get(key) ?? 0) + 1)
  }
  process.on('unhandledRejection', onUnhandled)
  await installWebSocket()
  const started = Date.now()
  // Every contender and run of a scenario side by side; the long scenarios alongside the short ones.
  // BENCH_ONLY=outage runs the scenarios whose name contains it (still side by side, same table).
  const only = process.env.BENCH_ONLY
  const rows = await Promise.all(
    scenarios.map(async (scenario) => {
      if (only && !`${scenario.name}: ${scenario.metric}`.includes(only)) return null
      await sleep(scenario.delay)
      const byWho = await Promise.all(
        NAMES.map(async (who) => {
          const samples = await Promise.all(Array.from({ length: RUNS }, () => scenario.run(who)))
          console.error(
            `${scenario.name} (${scenario.metric}), ${who}: done at ${Math.round((Date.now() - started) / 1000)} s`,
          )
          return [who, samples] as const
        }),
      )
      return { scenario, results: Object.fromEntries(byWho) as Record<ContenderName, Sample[]> }
    }),
  )
  process.off('unhandledRejection', onUnhandled)
  const lines = [
    `| Scenario (${RUNS} runs each, medians) | Floor | Documented | Kit, an instance | Kit, a factory | Documented ÷ floor | Kit ÷ floor (instance · factory) | Fetches / SDK logins (doc · kit instance · kit factory) |`,
    '|---|---|---|---|---|---|---|---|',
  ]
  const ranges = [
    '| Scenario: range of the runs (min–max) | Floor | Documented | Kit, an instance | Kit, a factory |',
    '|---|---|---|---|---|',
  ]
  for (const row of rows) {
    if (!row) continue
    const range = (who: ContenderName) => {
      const values = row.results[who].map((s) => s.ms)
      return `${ms(Math.min(...values))}–${ms(Math.max(...values))}`
    }
    ranges.push(`| ${row.scenario.name}: ${row.scenario.metric} | ${NAMES.map(range).join(' | ')} |`)
    const { scenario, results } = row
    const m = (who: ContenderName) => median(results[who].map((s) => s.ms))
    const counts = (who: ContenderName) =>
      `${median(results[who].map((s) => s.fetches))}/${median(results[who].map((s) => s.sdkLogins))}`
    const kitNote = results.kit[0]?.note
    const note = kitNote
      ? ` (kit ${kitNote}, kit factory ${results['kit-factory'][0]?.note}, doc ${results.documented[0]?.note})`
      : ''
    lines.push(
      `| ${scenario.name}: ${scenario.metric} | ${ms(m('floor'))} | ${ms(m('documented'))} | ${ms(m('kit'))} | ${ms(m('kit-factory'))} | ${ratio(m('documented'), m('floor'))} | ${ratio(m('kit'), m('floor'))} · ${ratio(m('kit-factory'), m('floor'))} | ${counts('documented')} · ${counts('kit')} · ${counts('kit-factory')}${note} |`,
    )
  }
  console.log(
    `\n${lines.join('\n')}\n\n${ranges.join('\n')}\n\nunhandled rejections: ${unhandled} (${[...reasons].map(([k, n]) => `${n}× ${k}`).join('; ') || 'none'}); took ${Math.round((Date.now() - started) / 1000)} s\n`,
  )
})
