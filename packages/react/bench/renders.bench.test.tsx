import { it } from 'vitest'
import { measureRenderCounts } from '../test/renderCounts'

// `pnpm bench:renders`: prints the render counts the React issue asks for.
it('render counts', async () => {
  const counts = await measureRenderCounts()
  console.log(
    `net-only component commits during a login: ${counts.netOnlyDuringLogin}\n` +
      `commits for 1,000 SDK events in one tick: ${counts.burstOf1000}`,
  )
})
