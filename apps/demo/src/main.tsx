import '@chat-session/react/styles.css'
import './demo.css'
import TencentCloudChat from '@tencentcloud/chat'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { loadDemoConfig } from './demoConfig'

const root = createRoot(document.getElementById('root') as HTMLElement)

loadDemoConfig().then(
  (config) => {
    // One SDK instance for the page, created outside React (the SDK caches instances per SDKAppID anyway).
    const chat = TencentCloudChat.create({
      SDKAppID: config.sdkAppId,
      // Local mode: the SDK opens its websocket to the gateway on loopback instead of Tencent's servers.
      ...(config.proxyServer ? { proxyServer: config.proxyServer } : {}),
    })
    // Warnings and errors only: the SDK's chattier levels echo request details into the console.
    chat.setLogLevel(2)
    root.render(
      <StrictMode>
        <App chat={chat} config={config} />
      </StrictMode>,
    )
  },
  (error: unknown) => {
    root.render(
      <p role="alert" className="demo-fatal">
        The demo could not load its configuration ({error instanceof Error ? error.message : String(error)}).
        Is the demo server running?
      </p>,
    )
  },
)
