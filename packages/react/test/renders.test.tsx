import { expect, it } from 'vitest'
import { measureRenderCounts } from './renderCounts'

it('re-renders a component only when its field changes, and batches a burst of 1,000 SDK events', async () => {
  const counts = await measureRenderCounts()
  // Login changes status and userID, never net: the net-only component does not commit at all.
  expect(counts.netOnlyDuringLogin).toBe(0)
  expect(counts.burstOf1000).toBeGreaterThanOrEqual(1)
  expect(counts.burstOf1000).toBeLessThanOrEqual(2)
})
