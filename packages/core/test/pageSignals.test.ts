import { afterEach, expect, it, vi } from 'vitest'
import { browserPageSignals } from '../src/controller/pageSignals'
import { trackedTarget } from './_trackedTarget'

// The default seam is the only code that reads the page's globals, so this is the only test that swaps them.
afterEach(() => {
  vi.unstubAllGlobals()
})

it("hears the window's online event and the page becoming visible, and stops listening when told", () => {
  const window = trackedTarget({})
  const document = trackedTarget({ visibilityState: 'visible', hasFocus: () => false })
  vi.stubGlobal('window', window.target)
  vi.stubGlobal('document', document.target)
  const online = vi.fn()
  const visible = vi.fn()
  const stop = browserPageSignals({ online, visible, focus: vi.fn(), engaged: vi.fn() })
  window.target.dispatchEvent(new Event('online'))
  document.target.visibilityState = 'hidden'
  document.target.dispatchEvent(new Event('visibilitychange'))
  expect(visible).not.toHaveBeenCalled()
  document.target.visibilityState = 'visible'
  document.target.dispatchEvent(new Event('visibilitychange'))
  expect(online).toHaveBeenCalledTimes(1)
  expect(visible).toHaveBeenCalledTimes(1)
  expect(window.listening() + document.listening()).toBe(4)
  stop()
  expect(window.listening() + document.listening()).toBe(0)
})

it('tells where the page stands at once (a background tab: not focused), then when it is visible and focused, and when the user presses a pointer or a key in it', () => {
  let focused = false
  const window = trackedTarget({})
  const document = trackedTarget({ visibilityState: 'visible', hasFocus: () => focused })
  vi.stubGlobal('window', window.target)
  vi.stubGlobal('document', document.target)
  const focus = vi.fn()
  const engaged = vi.fn()
  browserPageSignals({ online: vi.fn(), visible: vi.fn(), focus, engaged })
  focused = true
  window.target.dispatchEvent(new Event('focus'))
  focused = false
  window.target.dispatchEvent(new Event('blur'))
  focused = true
  document.target.visibilityState = 'hidden'
  document.target.dispatchEvent(new Event('visibilitychange'))
  expect(focus.mock.calls).toEqual([[false], [true], [false], [false]])
  window.target.dispatchEvent(new Event('pointerdown'))
  window.target.dispatchEvent(new Event('keydown'))
  window.target.dispatchEvent(new Event('pointermove'))
  expect(engaged).toHaveBeenCalledTimes(2)
})

it('listens to nothing where there is no page (SSR, Node, workers)', () => {
  const stop = browserPageSignals({ online: vi.fn(), visible: vi.fn(), focus: vi.fn(), engaged: vi.fn() })
  expect(stop).not.toThrow()
})
