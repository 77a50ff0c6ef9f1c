import type { CHAT_KICK_TYPE } from '@chat-session/core'
import { CHAT_ERROR_CODE } from '@chat-session/core/engine'
import type { FakeLoginResponse } from './fakeChatTypes'

// The SDK 3.6.6 facts the fake reproduces: the ready-guard's codes (core's one table) and the SDK's timeouts.

// Not-ready reasons (the code the ready-guard rejects with), and the login's own rejections.
export const { USER_NOT_LOGGED_IN, REPEAT_LOGIN, UNCAUGHT_ERROR, LOGGING_IN, LOGIN_FAILED, LOGGED_OUT } =
  CHAT_ERROR_CODE
/** The ready-guard's code after each kick. */
export const KICKED_OUT: Readonly<Record<keyof typeof CHAT_KICK_TYPE, number>> = {
  'multi-device': CHAT_ERROR_CODE.KICKED_OUT_MULT_DEVICE,
  'multi-account': CHAT_ERROR_CODE.KICKED_OUT_MULT_ACCOUNT,
  'usersig-expired': CHAT_ERROR_CODE.KICKED_OUT_USERSIG_EXPIRED,
  'rest-api': CHAT_ERROR_CODE.KICKED_OUT_REST_API,
}

export const LOGIN_TIMEOUT_MS = 90_000
export const REQUEST_TIMEOUT_MS = 15_000
export const REPEAT_LOGIN_GUARD_MS = 15_000

/** `login()`'s answer on a fresh login for server instance `instance` (3.6.6 sends more; the fake leaves it out). */
export function freshLoginResponse(instance: number, helloIntervalMs: number): FakeLoginResponse {
  return {
    code: 0,
    data: {
      errorCode: 0,
      errorInfo: '',
      a2Key: `fake-a2key-${instance}`,
      tinyID: `144115${String(instance).padStart(12, '0')}`,
      instanceID: instance,
      helloInterval: Math.max(1, Math.round(helloIntervalMs / 1000)),
      timeStamp: Math.floor(Date.now() / 1000),
    },
  }
}
