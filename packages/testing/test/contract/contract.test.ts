import { describe } from 'vitest'
import { contractDrivers } from '../../src/contract/contractDrivers'
import { contractTests } from './_contractTests'

// Each scenario opens its own world (its own fake service or gateway), so they run concurrently: most of the
// time goes into waiting for heartbeats and reconnects.
describe.concurrent.each(contractDrivers)('contract: $title', (driver) => contractTests(driver))
