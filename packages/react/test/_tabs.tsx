import type { PageSignals, Session, SessionOptions } from '@chat-session/core'
import { createSession } from '@chat-session/core'
import { createFakeChat, createFakeChatService, createTabHub } from '@chat-session/testing'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { vi } from 'vitest'
import { ChatSessionProvider, type Locale } from '../src/index'
import { makeSig, SDK_APP_ID, SECRET_KEY } from './_session'

/** A page for one tab's `pageSignals`: the test says when the user comes back to it. */
export function fakePage() {
  const listeners = new Set<Parameters<PageSignals>[0]>()
  const pageSignals: PageSignals = (signals) => {
    listeners.add(signals)
    return () => void listeners.delete(signals)
  }
  return {
    pageSignals,
    /** The tab became visible and focused (true), or stopped being either. */
    focus: (focused: boolean) => {
      for (const l of listeners) l.focus(focused)
    },
    /** A pointer or key press in the tab. */
    engaged: () => {
      for (const l of listeners) l.engaged()
    },
  }
}

export interface TwoTabsSetup {
  readonly locale?: Locale
  /** This tab's engine options (`tabs`, `takeoverDwell`…). */
  readonly options?: Omit<SessionOptions, 'chat' | 'fetchUserSig'>
  /** Round-trip time of this tab's fake server, ms. */
  readonly latency?: number
}

/**
 * Two tabs of one browser over one fake chat service and one in-memory tab link: this tab (`ui` inside the real
 * provider, signing alice in) and the other tab (a bare session), each with a page of its own.
 */
export function renderTwoTabs(ui: ReactNode, setup: TwoTabsSetup = {}) {
  const service = createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
  const hub = createTabHub()
  const here = fakePage()
  const there = fakePage()
  const chat = createFakeChat({ service, latency: setup.latency ?? 0 })
  const fetchUserSig = vi.fn(async (userID: string) => makeSig(userID))
  const other: Session = createSession({
    chat: createFakeChat({ service }),
    fetchUserSig: async (userID) => makeSig(userID),
    tabChannel: hub.link(),
    pageSignals: there.pageSignals,
  })
  other.start()
  const result = render(
    <ChatSessionProvider
      chat={chat}
      fetchUserSig={fetchUserSig}
      userID="alice"
      locale={setup.locale}
      options={{ tabChannel: hub.link(), pageSignals: here.pageSignals, ...setup.options }}
    >
      {ui}
    </ChatSessionProvider>,
  )
  return {
    ...result,
    service,
    chat,
    fetchUserSig,
    here,
    /** The other tab's session. */
    other,
    /** The user opens chat as alice in the other tab (which signs her in there). */
    openOther: () => other.login('alice'),
    dispose() {
      result.unmount()
      other.dispose()
    },
  }
}
