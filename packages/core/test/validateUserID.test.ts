import { describe, expect, it } from 'vitest'
import { validateUserID } from '../src/index'

describe('validateUserID', () => {
  it.each(['alice', 'A_b-9', 'x'.repeat(32)])('accepts %s', (id) => {
    expect(validateUserID(id)).toBeNull()
  })

  it.each([
    ['empty', '', 'empty'],
    ['33 bytes', 'x'.repeat(33), '33 bytes'],
    ['spaces', 'al ice', 'letters'],
    ['non-ASCII', 'Zoë', 'letters'],
    ['Chinese', '用户', 'letters'],
    ['not a string', 42, 'empty'],
  ])('rejects %s with invalid-user-id', (_name, id, words) => {
    const error = validateUserID(id)
    expect(error?.kind).toBe('invalid-user-id')
    expect(error?.message).toContain(words)
  })
})
