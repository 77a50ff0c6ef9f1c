import type { ContractDriver } from './contractDriver'
import { fakeDriver } from './fakeDriver'
import { realSdkDriver } from './realSdkDriver'

/** The drivers every scenario runs on (Node), in the order of the README table's columns. */
export const contractDrivers: readonly ContractDriver[] = [fakeDriver, realSdkDriver]
