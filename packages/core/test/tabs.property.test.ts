import { createFakeChatService, createTabHub } from '@chat-session/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { fakePage } from './_fakePage'
import { harness, settle } from './_harness'
import { SDK_APP_ID, SECRET_KEY } from './_sig'

// Random focus changes across simulated tabs of one browser (sessions on one fake service, which kicks the older
// client of a user as the platform does, sharing an in-memory tab hub), with other devices and expiries mixed in.

beforeAll(() => {
  vi.useFakeTimers()
})
afterAll(() => {
  vi.useRealTimers()
})

const DWELL = 800

const action = fc.oneof(
  // The user presses a key or a pointer in tab i (it is the one in use).
  { weight: 5, arbitrary: fc.record({ t: fc.constant('press' as const), tab: fc.nat(4) }) },
  // Tab i gets the focus and keeps it past the dwell.
  { weight: 4, arbitrary: fc.record({ t: fc.constant('focus' as const), tab: fc.nat(4) }) },
  // A glance: tab i is focused for less than the dwell, then the focus goes back.
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('glance' as const),
      tab: fc.nat(4),
      ms: fc.integer({ min: 10, max: DWELL - 200 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'other-device' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'expire' as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('retry' as const), tab: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('logout' as const), tab: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('login' as const), tab: fc.nat(4) }) },
  // Tab i is reloaded (or opened again) in the background, and signs in as the app does on load.
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reload-behind' as const), tab: fc.nat(4) }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 5_000 }) }),
  },
)

it('never two live tabs, never a dialog for an own-tab takeover, one login at most per focus change', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 5 }),
      fc.array(action, { minLength: 1, maxLength: 14 }),
      async (count, actions) => {
        const service = createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
        const hub = createTabHub()
        const openTab = (page = fakePage()) => {
          const h = harness({
            service,
            session: { tabChannel: hub.link(), pageSignals: page.pageSignals, takeoverDwell: DWELL },
          })
          const kicks: string[] = []
          h.session.on('kicked', (k) => kicks.push(k.reason))
          return { ...h, page }
        }
        const tabs = Array.from({ length: count }, () => openTab())
        // Logins of the tabs replaced by a reload count too.
        let retired = 0
        const logins = () => tabs.reduce((n, t) => n + t.sdkLogins.length, retired)
        const status = (i: number) => tabs[i]!.snapshot().status
        let focused = -1
        const focus = (i: number) => {
          if (focused >= 0 && focused !== i) tabs[focused]!.page.focus(false)
          focused = i
          tabs[i]!.page.focus(true)
        }
        for (const tab of tabs) {
          tab.session.login('alice').catch(() => {})
          await settle(300)
        }
        await settle(1_000)
        let otherDeviceKicks = 0

        for (const a of actions) {
          const before = logins()
          const fetchesBefore = tabs.map((t) => t.fetchUserSig.mock.calls.length)
          const pausedBefore = tabs.map((t) => t.snapshot().status === 'paused')
          const liveBefore = tabs.findIndex((t) => t.snapshot().status === 'logged-in')
          const i = 'tab' in a ? a.tab % count : -1
          switch (a.t) {
            case 'press':
              focus(i)
              tabs[i]!.page.engaged()
              await settle(1_500)
              break
            case 'focus':
              focus(i)
              await settle(DWELL + 1_500)
              break
            case 'glance': {
              // A glance at the tab already in use is no glance.
              if (i === focused) break
              const back = focused
              focus(i)
              await settle(a.ms)
              if (back >= 0) focus(back)
              else {
                tabs[i]!.page.focus(false)
                focused = -1
              }
              await settle(1_500)
              break
            }
            case 'other-device':
              otherDeviceKicks += service.kick('alice', 'multi-device')
              await settle(1_000)
              break
            case 'expire':
              service.expire('alice')
              await settle(35_000)
              break
            // "Use here", a sign-out or a sign-in button is pressed in the tab in use.
            case 'retry':
              focus(i)
              tabs[i]!.session.retry().catch(() => {})
              await settle(1_500)
              break
            case 'logout':
              focus(i)
              tabs[i]!.session.logout().catch(() => {})
              await settle(1_500)
              break
            case 'login':
              focus(i)
              tabs[i]!.session.login('alice').catch(() => {})
              await settle(1_500)
              break
            case 'reload-behind': {
              // The tab in use is not reloaded behind the user's back.
              if (i === focused) break
              retired += tabs[i]!.sdkLogins.length
              tabs[i]!.session.dispose()
              // A tab that was not signed in: the fake, as the SDK, rejects its logout with 2024.
              tabs[i]!.chat.destroy().catch(() => {})
              tabs[i] = openTab(fakePage({ focused: false }))
              tabs[i]!.session.login('alice').catch(() => {})
              await settle(1_500)
              break
            }
            case 'wait':
              await settle(a.ms)
              break
          }
          const statuses = tabs.map((_, k) => status(k))
          // Never two live tabs, and the service never holds two sessions of the user.
          expect(statuses.filter((s) => s === 'logged-in').length).toBeLessThanOrEqual(1)
          expect(service.sessions().alice ?? 0).toBeLessThanOrEqual(1)
          // A focus change makes at most one login, and a glance none.
          if (a.t === 'press' || a.t === 'focus') expect(logins() - before).toBeLessThanOrEqual(1)
          if (a.t === 'glance') expect(logins() - before).toBe(0)
          // The tab in use takes the session back from a paused state.
          if ((a.t === 'press' || a.t === 'focus') && pausedBefore[i]) expect(status(i)).toBe('logged-in')
          // A tab loaded behind the one in use does not take the session from it: no login, it waits paused.
          if (a.t === 'reload-behind' && i !== focused && liveBefore >= 0 && liveBefore !== i) {
            expect(status(liveBefore)).toBe('logged-in')
            expect(status(i)).toBe('paused')
            expect(logins()).toBe(before)
          }
          // A paused tab fetches nothing while it stays paused.
          tabs.forEach((t, k) => {
            if (pausedBefore[k] && statuses[k] === 'paused' && !(a.t === 'reload-behind' && k === i))
              expect(t.fetchUserSig.mock.calls.length).toBe(fetchesBefore[k])
          })
        }
        // Dialogs (kick events) only for kicks by another device: never for this browser's own tabs.
        const kicks = tabs.flatMap((t) => t.events.filter((e) => e === 'kicked'))
        expect(kicks.length).toBeLessThanOrEqual(otherDeviceKicks)
        for (const t of tabs) t.session.dispose()
      },
    ),
    { numRuns: Number(process.env.TABS_PROPERTY_RUNS ?? 40) },
  )
}, 600_000)
