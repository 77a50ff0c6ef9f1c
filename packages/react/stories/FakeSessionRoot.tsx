'use client'
import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react'
import { ChatSessionProvider, type Locale, useSessionContext } from '../src/index'
import type { FakeSession, FakeSessionConfig } from './fakeSession'
import { type ScenarioName, scenarios, until } from './scenarios'

export interface StoryFakeSession extends FakeSessionConfig {
  /** Played once the user is signed in (at once when the story signs nobody in). */
  readonly scenario?: ScenarioName | undefined
}

interface RunnerProps {
  readonly fake: FakeSession
  readonly scenario?: ScenarioName | undefined
  /** The story signs someone in: play the scenario once signed in. */
  readonly afterLogin: boolean
  readonly simulate?: string | undefined
  onSimulated(): void
}

function Runner(props: RunnerProps) {
  const { session } = useSessionContext()
  const { fake, scenario, afterLogin, simulate, onSimulated } = props
  const played = useRef(false)
  // After the signed-in state has been on screen for a moment, as a kick or an expiry would come.
  const play = (name: ScenarioName) =>
    void (afterLogin ? until(session, (s) => s.status === 'logged-in') : Promise.resolve())
      .then(() => new Promise((resolve) => setTimeout(resolve, afterLogin ? 50 : 0)))
      .then(() => scenarios[name](fake, session))
      .catch(() => {})
  useEffect(() => {
    if (!scenario || played.current) return
    played.current = true
    play(scenario)
  })
  useEffect(() => {
    if (!simulate || !(simulate in scenarios)) return
    play(simulate as ScenarioName)
    onSimulated()
  }, [simulate])
  return null
}

export interface FakeSessionRootProps {
  readonly fake: FakeSession
  readonly config: StoryFakeSession
  readonly locale: Locale
  readonly theme: 'light' | 'dark'
  /** A toolbar action to fire now (then cleared with `onSimulated`). */
  readonly simulate?: string | undefined
  readonly onSimulated: () => void
  readonly children: ReactNode
}

/** The real provider on a fake SDK world, with the toolbar's locale, theme and actions. */
export function FakeSessionRoot(props: FakeSessionRootProps): ReactNode {
  const { fake, config, locale, theme } = props
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  return (
    <ChatSessionProvider
      chat={fake.chat}
      fetchUserSig={fake.fetchUserSig}
      userID={config.userID}
      locale={locale}
      options={fake.options}
    >
      <Runner
        fake={fake}
        scenario={config.scenario}
        afterLogin={typeof config.userID === 'string'}
        simulate={props.simulate}
        onSimulated={props.onSimulated}
      />
      {props.children}
    </ChatSessionProvider>
  )
}
