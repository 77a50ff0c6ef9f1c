import TencentCloudChat from '@tencentcloud/chat'
import sdkModuleUrl from '@tencentcloud/chat/index.es.js?url'
import { describe, inject, it } from 'vitest'
import { browserSdkDriver } from '../../../src/contract/browserSdkDriver'
import { contractScenarios } from '../../../src/contract/contractScenarios'

// The same scenarios as contract.test.ts, on the real SDK in Chromium, one after another on the gateway that
// globalSetup.ts started. The SDK caches one instance per SDKAppID in its module, so a second client (another
// "tab" of the same user) comes from a second copy of the module: the file itself, loaded outside Vite's bundle.
const second = ((await import(/* @vite-ignore */ sdkModuleUrl)) as { default: typeof TencentCloudChat })
  .default
const driver = browserSdkDriver([TencentCloudChat, second], inject('realGateway'))

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
