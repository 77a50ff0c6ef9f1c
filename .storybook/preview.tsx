'use client'
import '../packages/react/src/styles.css'
import './preview.css'
import type { Decorator, Preview } from '@storybook/react-vite'
import { useCallback, useGlobals } from 'storybook/preview-api'
import type { Locale } from '../packages/react/src/index'
import { FakeSessionRoot, type StoryFakeSession } from '../packages/react/stories/FakeSessionRoot'
import { createFakeSession, type FakeSession } from '../packages/react/stories/fakeSession'
import { scenarios } from '../packages/react/stories/scenarios'

const worlds = new WeakMap<object, FakeSession>()

/** Every story runs inside the real provider on the fake SDK (see packages/react/stories/fakeSession.ts). */
const withFakeSession: Decorator = (Story, context) => {
  const [globals, updateGlobals] = useGlobals()
  const onSimulated = useCallback(() => updateGlobals({ simulate: '' }), [updateGlobals])
  const fake = context.loaded.fake as FakeSession
  return (
    <FakeSessionRoot
      fake={fake}
      config={(context.parameters.fakeSession as StoryFakeSession | undefined) ?? {}}
      locale={(globals.locale as Locale | undefined) ?? 'en'}
      theme={globals.theme === 'dark' ? 'dark' : 'light'}
      simulate={globals.simulate as string | undefined}
      onSimulated={onSimulated}
    >
      <Story />
    </FakeSessionRoot>
  )
}

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withFakeSession],
  // One fake world per rendered story, kept across re-renders (globals and args changes run the loaders again)
  // and disposed when the story is torn down (another story, a remount, the docs page leaving).
  loaders: [
    ({ parameters, canvasElement }) => {
      let fake = worlds.get(canvasElement)
      if (!fake) {
        const { scenario: _, ...config } = (parameters.fakeSession ?? {}) as StoryFakeSession
        fake = createFakeSession(config)
        worlds.set(canvasElement, fake)
      }
      return { fake }
    },
  ],
  beforeEach:
    ({ canvasElement }) =>
    () => {
      worlds.get(canvasElement)?.dispose()
      worlds.delete(canvasElement)
    },
  parameters: {
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i } },
    layout: 'padded',
  },
  initialGlobals: { locale: 'en', theme: 'light', simulate: '' },
  globalTypes: {
    locale: {
      description: 'Language of the components (ChatSessionProvider locale)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-CN', title: '简体中文' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'data-theme on <html>',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    simulate: {
      description: 'Make the fake SDK do something now',
      toolbar: {
        title: 'Fake SDK',
        icon: 'lightning',
        items: [
          { value: '', title: 'Fake SDK…' },
          ...Object.keys(scenarios).map((value) => ({ value, title: value.replaceAll('-', ' ') })),
        ],
      },
    },
  },
}

export default preview
