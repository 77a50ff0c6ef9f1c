import { createFakeChatService, createTabHub } from '@chat-session/testing'
import { fakePage } from './_fakePage'
import { harness } from './_harness'
import { SDK_APP_ID, SECRET_KEY } from './_sig'

/**
 * Tabs of one browser: sessions on one fake service (which kicks the older client of a user, as the platform
 * does by default), sharing an in-memory tab hub (BroadcastChannel notes and Web Locks), each with its own page.
 * `open({ focused: false })` is a tab opened in the background.
 */
export function browser(options: { locks?: boolean; tabs?: 'follow-focus' | 'ask' } = {}) {
  const service = createFakeChatService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY })
  const hub = createTabHub({ locks: options.locks })
  const open = (page: { readonly focused?: boolean } = {}) => {
    const fake = fakePage(page)
    const h = harness({
      service,
      session: { tabChannel: hub.link(), pageSignals: fake.pageSignals, tabs: options.tabs },
    })
    h.session.start()
    return { ...h, page: fake }
  }
  return { service, hub, open }
}
