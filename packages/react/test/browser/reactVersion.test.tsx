import { version } from 'react'
import { expect, inject, it } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The React major a browser project runs the component suite on (see vite.config.ts). */
    expectReactMajor: string
  }
}

// The same component suite runs twice in Chromium: `react-browser` on React 19, `react18-browser` on React 18.
it('runs on the React version its project names', () => {
  expect(version.split('.')[0]).toBe(inject('expectReactMajor'))
})
