import TencentCloudChat from '@tencentcloud/chat'
import { describe, inject, it } from 'vitest'
import { browserSdkDriver } from '../../../src/contract/browserSdkDriver'
import { contractScenarios } from '../../../src/contract/contractScenarios'

// The same scenarios as contract.test.ts, on the real SDK in Chromium. One after another: the page holds one
// SDK instance per SDKAppID, and every scenario shares the gateway that globalSetup.ts started.
const driver = browserSdkDriver(TencentCloudChat, inject('realGateway'))

describe(`contract: ${driver.title}`, () => {
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
