import { it } from 'vitest'
import type { ContractDriver } from '../../src/contract/contractDriver'
import { contractScenarios } from '../../src/contract/contractScenarios'

/** One test per contract scenario on `driver`, each in a world of its own that is closed afterwards. */
export function contractTests(driver: ContractDriver): void {
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
}
