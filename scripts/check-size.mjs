#!/usr/bin/env node
// Size budgets (min+gzip, size-limit with esbuild): each entry's own limit, plus the one size-limit cannot
// express: what the components add beyond the hooks (their JS and the stylesheet) must stay within 6.45 kB.
import { spawnSync } from 'node:child_process'

// 6.45 kB since the paused-tab notice, its hook and strings (#14: about 0.4 kB JS, 50 B CSS).
const COMPONENTS_BUDGET = 6450
const r = spawnSync('pnpm', ['exec', 'size-limit', '--json'], { encoding: 'utf8' })
const results = JSON.parse(r.stdout)
const size = (name) => results.find((e) => e.name === name)?.size ?? Number.NaN
const ok = r.status === 0
for (const e of results) {
  console.log(`${e.passed ? 'ok  ' : 'FAIL'} ${e.name}: ${e.size} B (limit ${e.sizeLimit} B)`)
}
const added =
  size('@chat-session/react hooks + components (JS)') -
  size('@chat-session/react hooks') +
  size('@chat-session/react styles.css')
const fits = added <= COMPONENTS_BUDGET
console.log(
  `${fits ? 'ok  ' : 'FAIL'} components beyond the hooks (JS + CSS): ${added} B (limit ${COMPONENTS_BUDGET} B)`,
)
process.exit(ok && fits ? 0 : 1)
