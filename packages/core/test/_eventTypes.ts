import type { SessionEventType } from '../src/index'

/** Every session event, for harnesses that record them all. */
export const EVENT_TYPES: readonly SessionEventType[] = [
  'kicked',
  'sig-expired',
  'sig-refreshed',
  'net-lost',
  'net-restored',
  'login-failed',
  'logged-in',
  'logged-out',
]
