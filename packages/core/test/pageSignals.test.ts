import { afterEach, expect, it, vi } from 'vitest'
import { browserPageSignals } from '../src/controller/pageSignals'
import { trackedTarget } from './_trackedTarget'

// The default seam is the only code that reads the page's globals, so this is the only test that swaps them.
afterEach(() => {
  vi.unstubAllGlobals()
})

it("hears the window's online event and the page becoming visible, and stops listening when told", () => {
  const window = trackedTarget({})
  const document = trackedTarget({ visibilityState: 'visible' })
  vi.stubGlobal('window', window.target)
  vi.stubGlobal('document', document.target)
  const online = vi.fn()
  const visible = vi.fn()
  const stop = browserPageSignals({ online, visible })
  window.target.dispatchEvent(new Event('online'))
  document.target.visibilityState = 'hidden'
  document.target.dispatchEvent(new Event('visibilitychange'))
  expect(visible).not.toHaveBeenCalled()
  document.target.visibilityState = 'visible'
  document.target.dispatchEvent(new Event('visibilitychange'))
  expect(online).toHaveBeenCalledTimes(1)
  expect(visible).toHaveBeenCalledTimes(1)
  expect(window.listening() + document.listening()).toBe(2)
  stop()
  expect(window.listening() + document.listening()).toBe(0)
})

it('listens to nothing where there is no page (SSR, Node, workers)', () => {
  const stop = browserPageSignals({ online: vi.fn(), visible: vi.fn() })
  expect(stop).not.toThrow()
})
