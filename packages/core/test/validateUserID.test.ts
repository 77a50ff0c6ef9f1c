import { describe, expect, it } from 'vitest'
import { validateUserID } from '../src/index'

describe('validateUserID', () => {
  it.each(['alice', 'A_b-9', 'x'.repeat(32)])('accepts %s', (id) => {
    expect(validateUserID(id)).toBeNull()
  })

  it.each([
    ['empty', '', 'empty'],
    ['33 bytes', 'x'.repeat(33), 'too-long'],
    ['spaces', 'al ice', 'characters'],
    ['non-ASCII', 'Zoë', 'characters'],
    ['Chinese', '用户', 'characters'],
    ['a dot', 'a.b', 'characters'],
    ['not a string', 42, 'empty'],
  ])('rejects %s with invalid-user-id and says why', (_name, id, detail) => {
    const error = validateUserID(id)
    expect(error?.kind).toBe('invalid-user-id')
    expect(error?.detail).toBe(detail)
  })
})
