import '@chat-session/react/styles.css'
import './demo.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { loadDemoConfig } from './demoConfig'

const root = createRoot(document.getElementById('root') as HTMLElement)

loadDemoConfig().then(
  (config) => {
    root.render(
      <StrictMode>
        <App config={config} />
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
