/**
 * What `@tencentcloud/chat` 3.6.6 allows around a login that does not settle, measured on the real SDK in
 * Node against the local gateway's fault modes. Run: `pnpm bench:sdk` (about 2 minutes). The findings are
 * written up in docs/sdk-reference.md; this file is the evidence.
 */

import { test } from 'vitest'
import {
  type GatewayLogger,
  type LocalGateway,
  startLocalGateway,
} from '../../packages/testing/src/gateway/index'
import type { ChatSDK } from './_sdk'
import {
  createGatewayChat,
  installWebSocket,
  outcome,
  realChat,
  SDK_APP_ID,
  SECRET_KEY,
  sdkModule,
  sign,
  sleep,
} from './_sdk'

interface Probe {
  gateway: LocalGateway
  /** wslogin frames the gateway received (answered or swallowed). */
  logins(): number
  /** Websocket connections opened. */
  connections(): number
}

async function probeGateway(): Promise<Probe> {
  let logins = 0
  let connections = 0
  const quiet = () => undefined
  const logger: GatewayLogger = {
    debug(message, details) {
      if (message === 'connection opened') connections++
      if (details?.servcmd === 'im_open_status.wslogin') logins++
    },
    info: quiet,
    warn: quiet,
    error: quiet,
  }
  const gateway = await startLocalGateway({
    sdkAppId: SDK_APP_ID,
    secretKey: SECRET_KEY,
    helloInterval: 1,
    logger,
  })
  return { gateway, logins: () => logins, connections: () => connections }
}

const lines: string[] = []
const note = (experiment: string, text: string): void => {
  lines.push(`[${experiment}] ${text}`)
  console.log(`[${experiment}] ${text}`)
}

/** Tears an instance down without waiting more than 3 s on it (a destroy() can hang on a silent server). */
async function teardown(experiment: string, chat: ChatSDK, gateway: LocalGateway): Promise<void> {
  const t0 = Date.now()
  const destroying = chat.destroy()
  const done = outcome(destroying, t0)
  await Promise.race([destroying.catch(() => undefined), sleep(3000)])
  if (done.get() === 'pending') note(experiment, 'teardown: destroy() still pending after 3 s')
  gateway.setFault('none')
  await gateway.close()
}

/** Net-state changes as "state@seconds". */
function netLog(chat: ChatSDK, t0: number): string[] {
  const seen: string[] = []
  chat.on('netStateChange', (e: { data: { state: string } }) =>
    seen.push(`${e.data.state}@${((Date.now() - t0) / 1000).toFixed(1)}`),
  )
  return seen
}

async function secondLogin(): Promise<void> {
  const p = await probeGateway()
  p.gateway.setFault('hang-login')
  const chat = realChat(p.gateway.url)
  const t0 = Date.now()
  const first = outcome(chat.login({ userID: 'alice', userSig: sign('alice') }), t0)
  await sleep(1000)
  const second = outcome(chat.login({ userID: 'alice', userSig: sign('alice') }), t0)
  const other = outcome(chat.login({ userID: 'bob', userSig: sign('bob') }), t0)
  await sleep(15_500)
  const late = outcome(chat.login({ userID: 'alice', userSig: sign('alice') }), t0)
  await sleep(1000)
  note(
    'second-login',
    `1st: ${first.get()}; 2nd at 1 s (same user): ${second.get()}; at 1 s (other user): ${other.get()}`,
  )
  note('second-login', `at 16.5 s: ${late.get()}; wslogin frames sent: ${p.logins()}`)
  p.gateway.setFault('none')
  await sleep(3000)
  note('second-login', `3 s after the gateway answers again: 1st ${first.get()}, 16.5 s one ${late.get()}`)
  await teardown('second-login', chat, p.gateway)
}

async function logoutMidLogin(): Promise<void> {
  const p = await probeGateway()
  p.gateway.setFault('hang-login')
  const chat = realChat(p.gateway.url)
  const t0 = Date.now()
  const login = outcome(chat.login({ userID: 'alice', userSig: sign('alice') }), t0)
  await sleep(1000)
  const logout = outcome(chat.logout(), t0)
  await sleep(1000)
  note('logout-mid-login', `logout() at 1 s: ${logout.get()}; the login: ${login.get()}`)
  const again = outcome(chat.login({ userID: 'alice', userSig: sign('alice') }), t0)
  await sleep(500)
  note('logout-mid-login', `login() again at 2 s: ${again.get()}; wslogin frames sent: ${p.logins()}`)
  await teardown('logout-mid-login', chat, p.gateway)
}

async function destroyMidLogin(fault: 'hang-login' | 'black-hole'): Promise<void> {
  const name = `destroy-mid-login/${fault}`
  const p = await probeGateway()
  p.gateway.setFault(fault)
  const sdk = sdkModule()
  const chat = createGatewayChat(sdk, { url: p.gateway.url, sdkAppId: SDK_APP_ID })
  const t0 = Date.now()
  const login = outcome(chat.login({ userID: 'alice', userSig: sign('alice') }), t0)
  let destroyed = false
  chat.on('sdkDestroy', () => {
    destroyed = true
  })
  await sleep(2000)
  const tDestroy = Date.now()
  const destroy = outcome(chat.destroy(), tDestroy)
  await sleep(300)
  note(name, `destroy() at 2 s: ${destroy.get()} (timed from the call); SDK_DESTROY emitted: ${destroyed}`)
  const connectionsAfter = p.connections()
  p.gateway.setFault('none')
  const fresh = createGatewayChat(sdk, { url: p.gateway.url, sdkAppId: SDK_APP_ID })
  note(
    name,
    `create() on the same module copy after destroy(): ${fresh === chat ? 'the same object' : 'a new instance'}`,
  )
  const t1 = Date.now()
  const freshLogin = outcome(fresh.login({ userID: 'alice', userSig: sign('alice') }), t1)
  await sleep(6000)
  note(name, `the new instance's login: ${freshLogin.get()} (timed from its call); ready: ${fresh.isReady()}`)
  note(
    name,
    `the destroyed instance's login 6 s later: ${login.get()}; sockets it opened after destroy(): ${p.connections() - connectionsAfter - 1}`,
  )
  await teardown(name, fresh, p.gateway)
}

async function blackHole(): Promise<void> {
  const p = await probeGateway()
  p.gateway.setFault('black-hole')
  const chat = realChat(p.gateway.url)
  const t0 = Date.now()
  const nets = netLog(chat, t0)
  const login = outcome(chat.login({ userID: 'alice', userSig: sign('alice') }), t0)
  await sleep(20_000)
  const logout = outcome(chat.logout(), t0)
  await sleep(80_000)
  note('black-hole', `login at 100 s: ${login.get()}; logout() at 20 s: ${logout.get()}`)
  note(
    'black-hole',
    `in 100 s: ${p.connections()} sockets, ${p.logins()} wslogin frames; net: ${nets.slice(0, 12).join(' ')} …`,
  )
  const tBack = Date.now()
  p.gateway.setFault('none')
  const back = outcome(Promise.resolve(), tBack)
  while (!chat.isReady() && Date.now() - tBack < 15_000) await sleep(50)
  note(
    'black-hole',
    `after the server answers again: ready in ${((Date.now() - tBack) / 1000).toFixed(1)} s; login ${login.get()} ${back.get() && ''}`,
  )
  await teardown('black-hole', chat, p.gateway)
}

async function hangLoginTimeout(): Promise<void> {
  const p = await probeGateway()
  p.gateway.setFault('hang-login')
  const chat = realChat(p.gateway.url)
  const t0 = Date.now()
  const nets = netLog(chat, t0)
  const login = outcome(chat.login({ userID: 'alice', userSig: sign('alice') }), t0)
  await sleep(95_000)
  note(
    'hang-login',
    `login at 95 s: ${login.get()}; ${p.logins()} wslogin frames, ${p.connections()} sockets; net: ${nets.join(' ') || 'no change'}`,
  )
  await teardown('hang-login', chat, p.gateway)
}

async function blackHoleWhileLoggedIn(): Promise<void> {
  const p = await probeGateway()
  const chat = realChat(p.gateway.url)
  await chat.login({ userID: 'alice', userSig: sign('alice') })
  const t0 = Date.now()
  const nets = netLog(chat, t0)
  let notReady = 0
  chat.on('sdkStateNotReady', () => notReady++)
  p.gateway.setFault('black-hole')
  await sleep(20_000)
  note(
    'black-hole-signed-in',
    `20 s: isReady ${chat.isReady()}, SDK_NOT_READY ×${notReady}; net: ${nets.join(' ')}`,
  )
  const tLogout = Date.now()
  const logout = outcome(chat.logout(), tLogout)
  await sleep(17_000)
  note(
    'black-hole-signed-in',
    `logout() during it: ${logout.get()} (timed from the call); isReady ${chat.isReady()}`,
  )
  await teardown('black-hole-signed-in', chat, p.gateway)
}

/** A second login() after the 15 s guard, while the first is stuck: what the SDK ends up as once served. */
async function secondLoginAfterGuard(mode: 'black-hole' | 'outage', second: 'alice' | 'bob'): Promise<void> {
  const name = `second-login-after-15s/${mode}/${second === 'alice' ? 'same user' : 'other user'}`
  const p = await probeGateway()
  if (mode === 'black-hole') p.gateway.setFault('black-hole')
  else p.gateway.pause()
  const chat = realChat(p.gateway.url)
  const t0 = Date.now()
  const first = outcome(chat.login({ userID: 'alice', userSig: sign('alice') }), t0)
  await sleep(16_000)
  const again = outcome(chat.login({ userID: second, userSig: sign(second) }), t0)
  await sleep(4000)
  const tBack = Date.now()
  if (mode === 'black-hole') p.gateway.setFault('none')
  else p.gateway.resume()
  while (!chat.isReady() && Date.now() - tBack < 10_000) await sleep(50)
  await sleep(1500)
  note(
    name,
    `served again at 20 s: ready ${chat.isReady()} as '${chat.getLoginUser()}' ${((Date.now() - tBack) / 1000 - 1.5).toFixed(1)} s later; 1st ${first.get()}, 2nd (at 16 s) ${again.get()}; gateway sessions ${JSON.stringify(p.gateway.sessions())}`,
  )
  await teardown(name, chat, p.gateway)
}

/** An instance made while the service refuses sockets: what it reports, and whether its login lands later. */
async function loginDuringOutage(): Promise<void> {
  const name = 'login-during-outage'
  const p = await probeGateway()
  p.gateway.pause()
  const chat = realChat(p.gateway.url)
  const t0 = Date.now()
  const nets = netLog(chat, t0)
  await sleep(1000)
  const login = outcome(chat.login({ userID: 'alice', userSig: sign('alice') }), t0)
  await sleep(70_000)
  note(name, `at 71 s: login ${login.get()}; net: ${nets.join(' ')}; sockets opened: ${p.connections()}`)
  p.gateway.resume()
  await sleep(15_000)
  note(name, `15 s after the service is back: login ${login.get()}; ready ${chat.isReady()}`)
  await teardown(name, chat, p.gateway)
}

/** While the service is down: destroy() + create() + login() every `every` ms, on one module copy. */
async function freshInstances(every: number, resumeAt: number): Promise<void> {
  const name = `fresh-instance-every-${every / 1000}s`
  const p = await probeGateway()
  p.gateway.pause()
  const sdk = sdkModule()
  const t0 = Date.now()
  let chat = createGatewayChat(sdk, { url: p.gateway.url, sdkAppId: SDK_APP_ID })
  const first = chat
  let ready = 0
  let same = 0
  const destroyOutcomes = new Set<string>()
  const watch = (c: ChatSDK) =>
    c.on('sdkStateReady', () => {
      ready = Date.now()
    })
  watch(chat)
  setTimeout(() => p.gateway.resume(), resumeAt)
  let made = 1
  while (!ready && Date.now() - t0 < resumeAt + 10_000) {
    void chat.login({ userID: 'alice', userSig: sign('alice') }).catch(() => undefined)
    await sleep(every)
    if (ready) break
    const old = chat
    const destroying = old.destroy()
    const destroyed = outcome(destroying, Date.now())
    await destroying.catch(() => undefined)
    destroyOutcomes.add(destroyed.get())
    chat = createGatewayChat(sdk, { url: p.gateway.url, sdkAppId: SDK_APP_ID })
    if (chat === old) same++
    watch(chat)
    made++
  }
  note(
    name,
    `service back at ${resumeAt / 1000} s: ready ${((ready - t0 - resumeAt) / 1000).toFixed(2)} s after; ${made} instances (${same} create() gave the old one back), destroy(): ${[...destroyOutcomes].join(', ')}; sessions ${JSON.stringify(p.gateway.sessions())}; the first instance ready: ${first.isReady()}`,
  )
  await teardown(name, chat, p.gateway)
}

test('the SDK around a login that does not settle', async () => {
  let unhandled = 0
  const reasons = new Map<string, number>()
  const onUnhandled = (reason: unknown): void => {
    unhandled++
    const r = reason as { code?: number; message?: string }
    const key = `${r?.code ?? '?'} ${r?.message ?? String(reason)}`.slice(0, 80)
    if (process.env.PROBE_STACKS) console.error(reason)
    reasons.set(key, (reasons.get(key) ?? 0) + 1)
  }
  process.on('unhandledRejection', onUnhandled)
  await installWebSocket()
  // PROBE_ONLY=fresh runs the experiments whose name contains it.
  const only = process.env.PROBE_ONLY
  const experiments: [string, () => Promise<void>][] = [
    ['second-login', secondLogin],
    ['logout-mid-login', logoutMidLogin],
    ['destroy-mid-login/hang-login', () => destroyMidLogin('hang-login')],
    ['destroy-mid-login/black-hole', () => destroyMidLogin('black-hole')],
    ['black-hole', blackHole],
    ['hang-login', hangLoginTimeout],
    ['black-hole-signed-in', blackHoleWhileLoggedIn],
    ['second-login-after-15s/black-hole/same', () => secondLoginAfterGuard('black-hole', 'alice')],
    ['second-login-after-15s/black-hole/other', () => secondLoginAfterGuard('black-hole', 'bob')],
    ['second-login-after-15s/outage/same', () => secondLoginAfterGuard('outage', 'alice')],
    ['second-login-after-15s/outage/other', () => secondLoginAfterGuard('outage', 'bob')],
    ['login-during-outage', loginDuringOutage],
    ['fresh-instance-every-2s', () => freshInstances(2000, 11_300)],
    ['fresh-instance-every-1s', () => freshInstances(1000, 11_300)],
  ]
  await Promise.all(experiments.filter(([name]) => !only || name.includes(only)).map(([, run]) => run()))
  process.off('unhandledRejection', onUnhandled)
  note(
    'all',
    `unhandled rejections in the whole run: ${unhandled} (${[...reasons].map(([k, n]) => `${n}× ${k}`).join('; ')})`,
  )
  console.log(`\n${lines.join('\n')}\n`)
})
