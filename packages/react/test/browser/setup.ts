import '../../src/styles.css'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { disposeAll } from './_session'

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup()
  disposeAll()
})
