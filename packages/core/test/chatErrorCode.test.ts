import { describe, expect, it } from 'vitest'
import { CHAT_ERROR_CODE } from '../src/engine'
import { errorCatalog } from '../src/index'

describe('the wire code table', () => {
  it('has the numbers of the SDK reference (literals here are the independent check)', () => {
    expect(CHAT_ERROR_CODE).toMatchObject({
      USER_NOT_LOGGED_IN: 2024,
      REPEAT_LOGIN: 2025,
      NETWORK_TIMEOUT: 2801,
      LOGGING_IN: 3000,
      KICKED_OUT_MULT_ACCOUNT: 3003,
      KICKED_OUT_USERSIG_EXPIRED: 3004,
      HELLO_ANSWER_KICKED_OUT: 1002,
      USERSIG_EXPIRED: 70001,
      USERSIG_INVALID: 70003,
      USERID_MISMATCH: 70013,
      SDKAPPID_MISMATCH: 70014,
      SDKAPPID_NOT_FOUND: 70020,
      NATIVE_USERSIG_EXPIRED: 6206,
    })
    const codes = Object.values(CHAT_ERROR_CODE)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('is what the catalog classifies: every code but the two REST-API-only ones, and nothing else', () => {
    const restOnly = [CHAT_ERROR_CODE.JSON_UNPARSABLE, CHAT_ERROR_CODE.ADMIN_REQUIRED]
    const classified = Object.values(CHAT_ERROR_CODE).filter((code) => !restOnly.includes(code as never))
    expect([...errorCatalog.keys()].sort()).toEqual(classified.sort())
  })
})
