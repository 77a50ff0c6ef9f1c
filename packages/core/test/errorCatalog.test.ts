import TencentCloudChat from '@tencentcloud/chat'
import { describe, expect, it } from 'vitest'
import { CHAT_EVENT, CHAT_KICK_TYPE, errorCatalog, toSessionError } from '../src/index'

describe('error catalog', () => {
  // Reference section 1.9 plus the native codes the seeds name.
  const codes = [
    2000, 2002, 2003, 2022, 2023, 2024, 2025, 2800, 2801, 2805, 2903, 2996, 2999, 3000, 3001, 3002, 3003,
    3004, 3005, 3006, 70001, 20002, 1002, 60022, 60002, 70003, 70013, 70014, 70020, 6206, 6013, 60020,
  ]

  it.each(codes)('maps %i to a kind the UI can explain', (code) => {
    const error = toSessionError({ code, message: '' })
    if (code !== 2903) expect(error.kind).not.toBe('unknown')
    expect(error.code).toBe(code)
    expect(errorCatalog.get(code)).toBe(error.kind)
  })

  it('classifies what the engine retries and what it does not', () => {
    expect(toSessionError({ code: 70001 }).kind).toBe('sig-expired')
    expect(toSessionError({ code: 6206 }).kind).toBe('sig-expired')
    expect(toSessionError({ code: 70003 }).retryable).toBe(false)
    expect(toSessionError({ code: 70013 }).kind).toBe('sig-mismatch')
    expect(toSessionError({ code: 2801 }).retryable).toBe(true)
    expect(toSessionError({ code: 2025 }).kind).toBe('repeat-login')
    expect(toSessionError(new Error('Params validate failed.')).kind).toBe('sig-invalid')
    expect(toSessionError({ code: 99999 }).kind).toBe('unknown')
  })

  it('uses the same event and kick strings as the real SDK 3.6.6', () => {
    expect(CHAT_EVENT.SDK_READY).toBe(TencentCloudChat.EVENT.SDK_READY)
    expect(CHAT_EVENT.SDK_NOT_READY).toBe(TencentCloudChat.EVENT.SDK_NOT_READY)
    expect(CHAT_EVENT.KICKED_OUT).toBe(TencentCloudChat.EVENT.KICKED_OUT)
    expect(CHAT_EVENT.NET_STATE_CHANGE).toBe(TencentCloudChat.EVENT.NET_STATE_CHANGE)
    expect(CHAT_EVENT.ERROR).toBe(TencentCloudChat.EVENT.ERROR)
    expect(CHAT_KICK_TYPE).toEqual({
      'multi-account': TencentCloudChat.TYPES.KICKED_OUT_MULT_ACCOUNT,
      'multi-device': TencentCloudChat.TYPES.KICKED_OUT_MULT_DEVICE,
      'usersig-expired': TencentCloudChat.TYPES.KICKED_OUT_USERSIG_EXPIRED,
      'rest-api': TencentCloudChat.TYPES.KICKED_OUT_REST_API,
    })
    expect(Object.values(CHAT_KICK_TYPE)).toEqual([
      'multipleAccount',
      'multipleDevice',
      'userSigExpired',
      'REST_API_Kick',
    ])
  })
})
