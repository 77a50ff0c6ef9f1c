import type { FakeSession } from './fakeSession'

/** The fake world the preview's loader made for this story. */
export const fakeOf = (context: { loaded: Record<string, unknown> }): FakeSession =>
  context.loaded.fake as FakeSession

export const slow = { timeout: 5000 }
