import TencentCloudChat from '@tencentcloud/chat'
import sdkModuleUrl from '@tencentcloud/chat/index.es.js?url'
import { describe, inject } from 'vitest'
import { browserSdkDriver } from '../../../src/contract/browserSdkDriver'
import { contractTests } from '../_contractTests'

// The same scenarios as contract.test.ts, on the real SDK in Chromium, one after another on the gateway that
// globalSetup.ts started. The SDK caches one instance per SDKAppID in its module, so a second client (another
// "tab" of the same user) comes from a second copy of the module: the file itself, loaded outside Vite's bundle.
const second = ((await import(/* @vite-ignore */ sdkModuleUrl)) as { default: typeof TencentCloudChat })
  .default
const driver = browserSdkDriver([TencentCloudChat, second], inject('realGateway'))

describe(`contract: ${driver.title}`, () => contractTests(driver))
