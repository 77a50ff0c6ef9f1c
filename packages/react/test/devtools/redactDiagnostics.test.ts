import { SessionError } from '@chat-session/core'
import { describe, expect, it } from 'vitest'
import { redactDiagnostics } from '../../src/devtools/index'
import { MARKER_SIG } from './_traceDouble'

describe('redactDiagnostics', () => {
  it('leaves out UserSigs, a2Keys, secrets and messages wherever they are, and keeps the rest', () => {
    const report = {
      userSig: MARKER_SIG,
      nested: [{ a2Key: 'a2-key-value', UserSig: 'x', secretKey: 'k', userID: 'alice', expiresAt: 5 }],
      sig: { expiresAt: 7 },
      note: `the server said ${MARKER_SIG}, twice: ${MARKER_SIG}`,
      error: new SessionError('forbidden', 403, undefined, new Error(MARKER_SIG)),
      fn: () => MARKER_SIG,
    }
    const json = JSON.stringify(redactDiagnostics(report))
    expect(json).not.toContain(MARKER_SIG)
    expect(json).not.toContain('a2-key-value')
    expect(JSON.parse(json)).toEqual({
      userSig: '[redacted]',
      nested: [
        {
          a2Key: '[redacted]',
          UserSig: '[redacted]',
          secretKey: '[redacted]',
          userID: 'alice',
          expiresAt: 5,
        },
      ],
      sig: { expiresAt: 7 },
      note: 'the server said [redacted], twice: [redacted]',
      error: { name: 'SessionError', kind: 'forbidden', code: 403 },
    })
  })

  it('copies an object met twice, and survives cycles', () => {
    const error = new SessionError('network')
    expect(redactDiagnostics({ snapshot: { error }, trace: { error } })).toEqual({
      snapshot: { error: { name: 'SessionError', kind: 'network' } },
      trace: { error: { name: 'SessionError', kind: 'network' } },
    })
    const a: Record<string, unknown> = { userID: 'alice' }
    a.self = a
    expect(redactDiagnostics(a)).toEqual({ userID: 'alice', self: '[cycle]' })
  })
})
