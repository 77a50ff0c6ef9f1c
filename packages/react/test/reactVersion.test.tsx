import { version } from 'react'
import { expect, it } from 'vitest'

// The same suite runs twice: project `react` on React 19, project `react18` on React 18 (see vite.config.ts).
it('runs on the React version its project names', () => {
  expect(version.split('.')[0]).toBe(process.env.EXPECT_REACT_MAJOR)
})
