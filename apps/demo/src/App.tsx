import { ChatSessionProvider, SessionUI, useLoginStatus } from '@chat-session/react'
import TencentCloudChat from '@tencentcloud/chat'
import { lazy, type ReactNode, Suspense, useState } from 'react'
import { ChatShell } from './ChatShell'
import type { DemoConfig } from './demoConfig'
import { fetchUserSig } from './fetchUserSig'
import { SignInScreen } from './SignInScreen'

// Development builds only: in a production build this branch is dead code and the panel is not bundled.
const DevPanel = import.meta.env.DEV ? lazy(() => import('./DevPanel')) : null

export interface AppProps {
  readonly config: DemoConfig
}

/**
 * The page's SDK instance, made by the provider (once, in the browser, StrictMode or not) from this factory.
 * In local mode the SDK opens its websocket to the gateway on loopback instead of Tencent's servers.
 */
function createChat(config: DemoConfig) {
  const chat = TencentCloudChat.create({
    SDKAppID: config.sdkAppId,
    ...(config.proxyServer ? { proxyServer: config.proxyServer } : {}),
  })
  // Warnings and errors only: the SDK's chattier levels echo request details into the console.
  chat.setLogLevel(2)
  return chat
}

/**
 * The demo app: a sign-in screen, then the chat shell. The kit's session UI (connection banner, kicked and
 * expired dialogs) is mounted once, above both, so its dialogs outlive the screen switch.
 */
export function App({ config }: AppProps): ReactNode {
  return (
    <ChatSessionProvider
      chat={() => createChat(config)}
      fetchUserSig={fetchUserSig}
      options={{ sdkAppId: config.sdkAppId }}
    >
      <Screens config={config} />
      {DevPanel && config.adminUrl && (
        <Suspense fallback={null}>
          <DevPanel config={config} adminUrl={config.adminUrl} />
        </Suspense>
      )}
    </ChatSessionProvider>
  )
}

function Screens({ config }: { config: DemoConfig }): ReactNode {
  const { isLoggedIn } = useLoginStatus()
  // The shell stays up after a kick or a failed refresh (the dialogs sit on top of it) and goes only when
  // the user signs out, from the header or from one of the dialogs.
  const [inShell, setInShell] = useState(false)
  if (isLoggedIn && !inShell) setInShell(true)
  const leave = () => setInShell(false)
  return (
    <div className="demo">
      <SessionUI onSignOut={leave} onSignInRequested={leave} />
      {inShell ? <ChatShell onSignedOut={leave} /> : <SignInScreen config={config} />}
    </div>
  )
}
