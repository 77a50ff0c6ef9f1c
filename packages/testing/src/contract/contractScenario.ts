import type { ExpectStatic } from 'vitest'
import type { ContractWorld } from './contractDriver'

/**
 * One behaviour of `@tencentcloud/chat` 3.6.6 that the fake must share with the real SDK, written once over
 * {@link ContractWorld}. `expect` comes from the running test, so concurrent runs report to the right test.
 */
export interface ContractScenario {
  /** Stable key, kebab-case. */
  readonly id: string
  readonly title: string
  /** What it asserts, one line for the README table. */
  readonly checks: string
  /** Drivers that cannot run it, by driver name, with the reason (shown in the table instead of ✓). */
  readonly unsupported?: Readonly<Record<string, string>>
  run(world: ContractWorld, expect: ExpectStatic): Promise<void>
}
