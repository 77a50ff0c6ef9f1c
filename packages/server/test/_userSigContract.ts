/**
 * The UserSig endpoint's contract as data: the cases every recipe (node:http, Express, Hono, …) must answer the
 * same way over loopback, and the table the package README shows (rendered by {@link contractMarkdown}; the
 * recipes test fails when the README's copy differs, and `UPDATE_README=1` rewrites it).
 */
import {
  createRateLimiter,
  type RateLimiter,
  RateLimiterUnavailableError,
  type UserSigHandlerOptions,
} from '../src'
import { APP_ID, SECRET_KEY } from './_http'

export interface ContractCase {
  readonly title: string
  readonly method: string
  /** The app session, as the recipe's `authorize` reads it (header `x-app-user`). */
  readonly appUser?: string
  readonly contentType?: string
  readonly body?: string
  /** Identical requests sent first (the rate limit). */
  readonly before?: number
  readonly status: number
  /** `error` of the JSON answer; absent for 200. */
  readonly error?: string
  /** Headers the answer must have, beyond the ones every answer has. */
  readonly headers?: Readonly<Record<string, string>>
}

/** The limit the contract runs with. */
export const CONTRACT_MAX = 3
const json = 'application/json'

export const contractCases: readonly ContractCase[] = [
  {
    title: 'a sig for the signed-in user',
    method: 'POST',
    appUser: 'alice',
    contentType: json,
    body: '{"userID":"alice"}',
    status: 200,
  },
  {
    title: 'the body names nobody: the app session says who',
    method: 'POST',
    appUser: 'amy',
    contentType: json,
    body: '{}',
    status: 200,
  },
  { title: 'an empty body', method: 'POST', appUser: 'ann', contentType: json, body: '', status: 200 },
  {
    title: 'JSON with a charset',
    method: 'POST',
    appUser: 'ada',
    contentType: 'application/json; charset=utf-8',
    body: '{"userID":"ada"}',
    status: 200,
  },
  {
    title: 'GET',
    method: 'GET',
    appUser: 'alice',
    status: 405,
    error: 'method-not-allowed',
    headers: { allow: 'POST' },
  },
  {
    title: 'PUT',
    method: 'PUT',
    appUser: 'alice',
    contentType: json,
    body: '{}',
    status: 405,
    error: 'method-not-allowed',
    headers: { allow: 'POST' },
  },
  {
    title: 'a form post',
    method: 'POST',
    appUser: 'alice',
    contentType: 'application/x-www-form-urlencoded',
    body: 'userID=alice',
    status: 415,
    error: 'unsupported-media-type',
  },
  {
    title: 'text/plain (no preflight) JSON',
    method: 'POST',
    appUser: 'alice',
    contentType: 'text/plain',
    body: '{"userID":"alice"}',
    status: 415,
    error: 'unsupported-media-type',
  },
  {
    title: 'a body over 1024 bytes',
    method: 'POST',
    appUser: 'alice',
    contentType: json,
    body: `{"userID":"alice","pad":"${'x'.repeat(1024)}"}`,
    status: 413,
    error: 'payload-too-large',
  },
  {
    title: 'not JSON',
    method: 'POST',
    appUser: 'alice',
    contentType: json,
    body: '{userID: alice}',
    status: 400,
    error: 'bad-request',
  },
  {
    title: 'a JSON array',
    method: 'POST',
    appUser: 'alice',
    contentType: json,
    body: '["alice"]',
    status: 400,
    error: 'bad-request',
  },
  {
    title: 'a userID breaking the platform rule',
    method: 'POST',
    appUser: 'alice',
    contentType: json,
    body: '{"userID":"al ice"}',
    status: 400,
    error: 'invalid-user-id',
  },
  {
    title: 'no app session',
    method: 'POST',
    contentType: json,
    body: '{"userID":"alice"}',
    status: 401,
    error: 'unauthorized',
  },
  {
    title: 'asking for another user',
    method: 'POST',
    appUser: 'alice',
    contentType: json,
    body: '{"userID":"bob"}',
    status: 403,
    error: 'forbidden',
  },
  {
    title: 'a user the app bars from chat',
    method: 'POST',
    appUser: 'banned',
    contentType: json,
    body: '{}',
    status: 403,
    error: 'forbidden',
  },
  {
    title: `request ${CONTRACT_MAX + 1} in the window`,
    method: 'POST',
    appUser: 'greedy',
    contentType: json,
    body: '{}',
    before: CONTRACT_MAX,
    status: 429,
    error: 'rate-limited',
    headers: { 'retry-after': '60' },
  },
  {
    title: "the limiter's store is down",
    method: 'POST',
    appUser: 'store-down',
    contentType: json,
    body: '{}',
    status: 503,
    error: 'unavailable',
    headers: { 'retry-after': '5' },
  },
  {
    title: 'authorize throws',
    method: 'POST',
    appUser: 'boom',
    contentType: json,
    body: '{}',
    status: 500,
    error: 'internal',
  },
]

/** Headers on every answer. */
export const everyAnswer: Readonly<Record<string, string | RegExp>> = {
  'content-type': /^application\/json; charset=utf-8$/,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
}

/** The handler options every recipe is built with for the contract run (fresh limiter each call). */
export function contractOptions(): UserSigHandlerOptions {
  const memory = createRateLimiter({ max: CONTRACT_MAX, windowMs: 60_000 })
  const rateLimit: RateLimiter = {
    take(key, now) {
      if (key === 'store-down') throw new RateLimiterUnavailableError('store down')
      return memory.take(key, now)
    },
  }
  return {
    sdkAppId: APP_ID,
    secretKey: SECRET_KEY,
    expiresIn: 600,
    rateLimit,
    logger: { warn() {}, error() {} },
    authorize: (request) => {
      const user = request.headers.get('x-app-user')
      if (user === 'boom') throw new Error('session store down')
      if (user === 'banned') return { error: 'forbidden' }
      return user
    },
  }
}

/** The README's rendering of {@link contractCases}. */
export function contractMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|')
  const lines = [
    '| case | request | status | `error` | headers |',
    '|---|---|---|---|---|',
    ...contractCases.map((c) => {
      const body =
        c.body === undefined
          ? ''
          : c.body.length > 40
            ? `${c.body.length}-byte body`
            : c.body === ''
              ? 'empty body'
              : `\`${c.body}\``
      const request = [c.method, c.contentType && `\`${c.contentType}\``, body, c.appUser ? '' : 'no session']
        .filter(Boolean)
        .join(', ')
      const headers = Object.entries(c.headers ?? {})
        .map(([k, v]) => `\`${k}: ${v}\``)
        .join(' ')
      return `| ${cell(c.title)} | ${cell(request)} | ${c.status} | ${c.error ? `\`${c.error}\`` : '`{ userSig, expiresAt, serverTime }`'} | ${headers} |`
    }),
  ]
  return lines.join('\n')
}
