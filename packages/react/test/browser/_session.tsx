'use client'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { ChatSessionProvider, type Locale, type Messages } from '../../src/index'
import { createFakeSession, type FakeSession, type FakeSessionConfig } from '../../stories/fakeSession'

const live: FakeSession[] = []

/** Destroys every fake world made by the test that just ended (after its UI unmounted). */
export function disposeAll(): void {
  for (const fake of live.splice(0)) fake.dispose()
}

export interface SessionSetup extends FakeSessionConfig {
  readonly locale?: Locale
  readonly messages?: Partial<Messages>
}

/**
 * Renders `ui` inside the real provider on a fake SDK world. `userID` defaults to 'alice' (signed in on mount);
 * the grace period before `netLost` is 200 ms so the tests stay quick.
 */
export function renderWithSession(ui: ReactNode, setup: SessionSetup = {}) {
  const { locale, messages, ...config } = setup
  const userID = 'userID' in setup ? setup.userID : 'alice'
  const fake = createFakeSession({ ...config, options: { netLostAfter: 200, ...config.options } })
  live.push(fake)
  const result = render(
    <ChatSessionProvider
      chat={fake.chat}
      fetchUserSig={fake.fetchUserSig}
      userID={userID}
      locale={locale}
      messages={messages}
      options={fake.options}
    >
      {ui}
    </ChatSessionProvider>,
  )
  return { fake, ...result }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
