/**
 * The error the fake rejects with, shaped like the SDK's: an `Error` with a numeric `code`, a `message`
 * that is empty unless the server sent text (the SDK downloads its message table at runtime, so offline
 * it is empty), and `data` (`{}` unless the code carries some, e.g. 2801 `{headSeq}`).
 *
 * @example
 * await expect(chat.logout()).rejects.toMatchObject({ code: 2024, message: '', data: {} })
 */
export class FakeChatError extends Error {
  readonly code: number
  readonly data: Record<string, unknown>

  constructor(code: number, message = '', data: Record<string, unknown> = {}) {
    super(message)
    this.code = code
    this.data = data
  }
}
