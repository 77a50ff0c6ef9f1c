import { act, render, waitFor } from '@testing-library/react'
import { Profiler } from 'react'
import { ChatSessionProvider, useSession } from '../src/index'
import { fakeChat } from './_session'

/** Commits of one subscribed component, measured with React's Profiler. */
export interface RenderCounts {
  /** Commits of a component selecting only `net`, while the login goes logged-out → logging-in → logged-in. */
  readonly netOnlyDuringLogin: number
  /** Commits of a component selecting `net` for 1,000 SDK net events fired in one tick (outside act). */
  readonly burstOf1000: number
}

function NetOnly() {
  const net = useSession((s) => s.net)
  return <p>{net}</p>
}

export async function measureRenderCounts(): Promise<RenderCounts> {
  const { chat, fetchUserSig } = fakeChat()
  let commits = 0
  const onRender = () => {
    commits++
  }
  render(
    <ChatSessionProvider chat={chat} fetchUserSig={fetchUserSig} userID="alice">
      <Profiler id="net" onRender={onRender}>
        <NetOnly />
      </Profiler>
    </ChatSessionProvider>,
  )
  const afterMount = commits
  await waitFor(() => {
    if (!chat.isReady()) throw new Error('not ready yet')
  })
  await act(() => new Promise((r) => setTimeout(r, 10)))
  const netOnlyDuringLogin = commits - afterMount

  // Outside act(), as SDK events arrive in a real app: React decides how to batch.
  const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
  const previous = g.IS_REACT_ACT_ENVIRONMENT
  g.IS_REACT_ACT_ENVIRONMENT = false
  const before = commits
  for (let i = 0; i < 1000; i++) chat.fake.setNet(i % 2 === 0 ? 'connecting' : 'connected')
  chat.fake.setNet('connecting')
  await new Promise((r) => setTimeout(r, 50))
  const burstOf1000 = commits - before
  g.IS_REACT_ACT_ENVIRONMENT = previous
  return { netOnlyDuringLogin, burstOf1000 }
}
