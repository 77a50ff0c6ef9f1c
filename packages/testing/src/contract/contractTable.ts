import type { ContractScenario } from './contractScenario'

/** A column of the table: a driver, by its `name` (the key scenarios use in `unsupported`) and title. */
export interface ContractColumn {
  readonly name: string
  readonly title: string
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/**
 * The README's scenario × driver table, as Markdown: ✓ where the scenario runs (and so passes, or the suite
 * fails), `—` with the reason where a driver cannot run it.
 *
 * @example
 * contractTable(contractScenarios, contractDrivers)
 */
export function contractTable(
  scenarios: readonly ContractScenario[],
  columns: readonly ContractColumn[],
): string {
  const header = ['Scenario', 'What is asserted', ...columns.map((c) => c.title)]
  const rows = scenarios.map((s) => [
    `${s.title} (\`${s.id}\`)`,
    s.checks,
    ...columns.map((c) => {
      const reason = s.unsupported?.[c.name]
      return reason === undefined ? '✓' : `— ${reason}`
    }),
  ])
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n')
}
