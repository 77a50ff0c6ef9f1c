'use client'
import type { PageSignals } from '@chat-session/core'
import { createFakeChat, createTabHub, type FakeChat } from '@chat-session/testing'
import { type ReactNode, useEffect, useState } from 'react'
import { ChatSessionProvider, LoginStatusBadge, SessionGate, SessionUI } from '../src/index'
import { surface } from './AppFrame'
import type { FakeSession } from './fakeSession'

/** One tab's page, driven by its panel: a press in it is the user coming back, focus in it is the tab seen. */
function panelPage() {
  let signals: Parameters<PageSignals>[0] | null = null
  const pageSignals: PageSignals = (s) => {
    signals = s
    return () => {
      signals = null
    }
  }
  return {
    pageSignals,
    engaged: () => signals?.engaged(),
    focus: (focused: boolean) => signals?.focus(focused),
  }
}

interface Tab {
  readonly name: string
  readonly chat: FakeChat
  readonly page: ReturnType<typeof panelPage>
}

const panel = { flex: '1 1 240px', minWidth: 240, ...surface } as const

function TabPanel({ tab, children }: { readonly tab: Tab; readonly children: ReactNode }) {
  const { page } = tab
  return (
    // The panel stands in for a browser tab: presses and focus in it are that tab's page signals.
    <section
      aria-label={tab.name}
      style={panel}
      onPointerDownCapture={page.engaged}
      onKeyDownCapture={page.engaged}
      onFocusCapture={() => page.focus(true)}
      onBlurCapture={() => page.focus(false)}
    >
      <header
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          padding: '10px 16px',
          borderBottom: '1px solid var(--csk-border)',
        }}
      >
        <strong>{tab.name}</strong>
        <LoginStatusBadge showUserID />
      </header>
      {children}
    </section>
  )
}

/**
 * Two tabs of one browser side by side, each its own provider and SDK instance on one fake chat server, sharing an
 * in-memory tab link (as the BroadcastChannel and Web Locks of one browser would). Alice opens chat in both; the
 * one the user presses in is the live one, the other pauses. A tab paused before it was ever signed in shows the
 * gate's `paused`; one paused after keeps the app.
 */
export function TwoTabs({ fake }: { readonly fake: FakeSession }): ReactNode {
  const [world] = useState(() => {
    const hub = createTabHub()
    const tabs: Tab[] = ['Tab 1', 'Tab 2'].map((name) => ({
      name,
      chat: createFakeChat({ service: fake.service }),
      page: panelPage(),
    }))
    return { hub, tabs, links: tabs.map(() => hub.link()) }
  })
  // The instances are the story's (passed in, not made by the providers): destroyed with it.
  useEffect(
    () => () => {
      for (const tab of world.tabs) tab.chat.destroy().catch(() => {})
    },
    [world],
  )
  return (
    <main style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
      {world.tabs.map((tab, i) => (
        <ChatSessionProvider
          key={tab.name}
          chat={tab.chat}
          fetchUserSig={fake.fetchUserSig}
          userID="alice"
          options={{ tabChannel: world.links[i], pageSignals: tab.page.pageSignals }}
        >
          <TabPanel tab={tab}>
            <SessionUI />
            <div style={{ padding: '8px 16px 16px' }}>
              <SessionGate
                fallback={<p>Connecting…</p>}
                loggedOut={<p>Signed out.</p>}
                paused={<p>Chat opens here when you come back.</p>}
              >
                <p>Alice’s conversations</p>
              </SessionGate>
            </div>
          </TabPanel>
        </ChatSessionProvider>
      ))}
    </main>
  )
}
