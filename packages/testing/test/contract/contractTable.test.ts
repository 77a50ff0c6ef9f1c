import { readFileSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { contractColumns } from '../../src/contract/contractColumns'
import { contractScenarios } from '../../src/contract/contractScenarios'
import { contractTable } from '../../src/contract/contractTable'

const README = new URL('../../README.md', import.meta.url)
const START = '<!-- contract-table:start -->'
const END = '<!-- contract-table:end -->'

// The README promises what the contract suites prove: the table is built from the same scenario list and
// drivers the suites run, so a scenario added, renamed or marked unsupported shows up here or fails.
it('the README contract table matches the scenario list and the drivers (UPDATE_CONTRACT_TABLE=1 rewrites it)', () => {
  const readme = readFileSync(README, 'utf8')
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  expect(start, `README.md needs the ${START} … ${END} markers`).toBeGreaterThanOrEqual(0)
  expect(end).toBeGreaterThan(start)
  const table = `\n${contractTable(contractScenarios, contractColumns)}\n`
  if (process.env.UPDATE_CONTRACT_TABLE === '1') {
    writeFileSync(README, readme.slice(0, start + START.length) + table + readme.slice(end))
    return
  }
  expect(readme.slice(start + START.length, end)).toBe(table)
})

it('every scenario has a unique id, and every unsupported entry names a column', () => {
  const ids = contractScenarios.map((s) => s.id)
  expect(new Set(ids).size).toBe(ids.length)
  const names = new Set(contractColumns.map((c) => c.name))
  for (const s of contractScenarios) {
    for (const driver of Object.keys(s.unsupported ?? {}))
      expect(names, `${s.id} → ${driver}`).toContain(driver)
  }
})
