import type { ReactNode } from 'react'
import { PROXY_SERVER } from '../chatConfig'
import { ChatApp } from './ChatApp'

/**
 * A server component, prerendered by `next build`: the client part below renders its signed-out state here,
 * and the SDK instance is created later, in the browser.
 */
export default function Home(): ReactNode {
  return (
    <main className="example">
      <h1>Chat Session Kit × Next.js</h1>
      <ChatApp />
      <p className="example__mode">
        {PROXY_SERVER
          ? 'Local gateway on loopback: any user ID works, no cloud account needed.'
          : 'Connected to Tencent Cloud Chat.'}
      </p>
    </main>
  )
}
