import { describe, it } from 'vitest'
import { contractDrivers } from '../../src/contract/contractDrivers'
import { contractScenarios } from '../../src/contract/contractScenarios'

// Each scenario opens its own world (its own fake service or gateway), so they run concurrently: most of the
// time goes into waiting for heartbeats and reconnects.
describe.concurrent.each(contractDrivers)('contract: $title', (driver) => {
  for (const scenario of contractScenarios) {
    // A scenario a driver cannot run says why in its `unsupported` entry (the README table shows it).
    const unsupported = scenario.unsupported?.[driver.name]
    it.skipIf(unsupported !== undefined)(scenario.title, async ({ expect }) => {
      const world = await driver.open()
      try {
        await scenario.run(world, expect)
      } finally {
        await world.close()
      }
    })
  }
})
