import 'server-only'
import { createUserSigHandler } from '@chat-session/server'
import { PROXY_SERVER, SDK_APP_ID } from '../chatConfig'
import { secretKey, userSigTtl } from './serverConfig'

/**
 * The UserSig endpoint both route handlers serve (`app/api/usersig` on Node, `app/api/usersig-edge` on the
 * edge runtime): `POST {"userID": …}` → `{userSig, expiresAt}`.
 *
 * `authorize` is a development one: the example has no accounts, so whoever is typed into the form is who
 * asks. A real app answers from its own session (cookie, token) and never trusts the body's userID; in cloud
 * mode this one refuses everyone until that is done, so a deployed copy never hands out real UserSigs.
 */
export const userSigHandler = createUserSigHandler({
  sdkAppId: SDK_APP_ID,
  secretKey: secretKey(),
  expiresIn: userSigTtl(),
  authorize: (_request, { userID }) => {
    if (PROXY_SERVER === null) {
      return { error: 'unauthorized', message: 'Replace the example authorize with your app’s sign-in.' }
    }
    if (userID === null) return { error: 'unauthorized', message: 'Send {"userID": …} in the body.' }
    return userID
  },
  rateLimit: { max: 30, windowMs: 60_000 },
})
