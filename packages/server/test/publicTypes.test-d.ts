// Type tests of the public API, checked by `tsc -b` (never run): what an app's editor will accept and refuse.
import { describe, expectTypeOf, it } from 'vitest'
import { createUserSigHandler, type RateLimiter, type UserSigHandler } from '../src/index'

const required = { sdkAppId: 1400000000, secretKey: 'server-side', expiresIn: 86_400 }

describe('@chat-session/server public types', () => {
  it('authorize answers a UserID, nobody, or a refusal', () => {
    expectTypeOf(
      createUserSigHandler({ ...required, authorize: () => 'alice' }),
    ).toEqualTypeOf<UserSigHandler>()
    createUserSigHandler({ ...required, authorize: async () => null })
    createUserSigHandler({ ...required, authorize: () => ({ error: 'forbidden', message: 'banned' }) })
    // @ts-expect-error: refusals are 'unauthorized' or 'forbidden'
    createUserSigHandler({ ...required, authorize: () => ({ error: 'nope' }) })
    // @ts-expect-error: authorize is required: the endpoint must know who asks
    createUserSigHandler({ ...required })
  })

  it('rateLimit takes the built-in settings, your own limiter (sync or async), or false', () => {
    const authorize = () => 'alice'
    const shared: RateLimiter = { take: async () => 0 }
    createUserSigHandler({ ...required, authorize, rateLimit: { max: 5, windowMs: 60_000 } })
    createUserSigHandler({ ...required, authorize, rateLimit: shared })
    createUserSigHandler({ ...required, authorize, rateLimit: { take: () => 0 } })
    createUserSigHandler({ ...required, authorize, rateLimit: false })
    // @ts-expect-error: a limiter answers a number of milliseconds
    createUserSigHandler({ ...required, authorize, rateLimit: { take: () => true } })
  })
})
