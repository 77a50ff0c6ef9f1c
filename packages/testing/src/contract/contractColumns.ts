import { chromiumColumn } from './browserSdkDriver'
import { contractDrivers } from './contractDrivers'
import type { ContractColumn } from './contractTable'

/**
 * The README table's columns: the Node drivers (`test/contract/contract.test.ts`), then Chromium
 * (`test/contract/browser/contract.spec.ts`, project `contract-browser`).
 */
export const contractColumns: readonly ContractColumn[] = [
  ...contractDrivers.map(({ name, title }) => ({ name, title })),
  chromiumColumn,
]
