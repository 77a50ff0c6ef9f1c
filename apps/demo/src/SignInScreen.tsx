import { LoginForm, useLogin } from '@chat-session/react'
import { type ReactNode, useEffect } from 'react'
import type { DemoConfig } from './demoConfig'

/** `?user=alice` signs alice in at once (the developer panel's "second tab" link uses it). */
function takeUserFromUrl(): string | undefined {
  const url = new URL(window.location.href)
  const user = url.searchParams.get('user') ?? undefined
  if (user !== undefined) {
    url.searchParams.delete('user')
    window.history.replaceState(null, '', url)
  }
  return user
}

// Read at load and consumed by the first sign-in screen, so signing out later does not sign in again.
const urlUser = takeUserFromUrl()
let autoSignIn = urlUser

export function SignInScreen({ config }: { config: DemoConfig }): ReactNode {
  const { mutate } = useLogin()
  useEffect(() => {
    if (!autoSignIn) return
    mutate(autoSignIn)
    autoSignIn = undefined
  }, [mutate])

  return (
    <main className="demo-signin">
      <section className="demo-signin__card" aria-labelledby="signin-title">
        <div className="demo-logo" aria-hidden="true" />
        <h1 id="signin-title">Lantern Chat</h1>
        <p className="demo-muted">Sign in to pick up your conversations.</p>
        <LoginForm defaultUserID={urlUser} />
        <p className="demo-mode">
          {config.mode === 'local' ? (
            <>
              Local gateway on loopback: any user ID works, no cloud account needed. Open a second browser
              with the same user to see the kick; a second tab of this browser pauses this one until you come
              back to it.
            </>
          ) : (
            <>Connected to Tencent Cloud Chat (SDKAppID {config.sdkAppId}).</>
          )}
        </p>
      </section>
    </main>
  )
}
