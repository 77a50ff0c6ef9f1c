import type { CHAT_KICK_TYPE } from '@chat-session/core'
import type { FakeLoginResponse } from './fakeChatTypes'

// The SDK 3.6.6 facts the fake reproduces: the ready-guard's codes and the SDK's timeouts.

// Not-ready reasons (the code the ready-guard rejects with).
export const USER_NOT_LOGGED_IN = 2024
export const REPEAT_LOGIN = 2025
export const UNCAUGHT_ERROR = 2903
export const LOGGING_IN = 3000
export const LOGIN_FAILED = 3001
export const LOGGED_OUT = 3005
/** The ready-guard's code after each kick. */
export const KICKED_OUT: Readonly<Record<keyof typeof CHAT_KICK_TYPE, number>> = {
  'multi-device': 3002,
  'multi-account': 3003,
  'usersig-expired': 3004,
  'rest-api': 3006,
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
