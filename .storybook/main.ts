import type { StorybookConfig } from '@storybook/react-vite'

/** Storybook for @chat-session/react: every component, every state that matters, driven by the fake SDK. */
const config: StorybookConfig = {
  stories: ['../packages/react/stories/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // No network here (and none wanted): no telemetry, no "what's new" fetch.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  viteFinal: (config) => ({
    ...config,
    build: {
      ...config.build,
      // The stories bundle is for people, not for size checks.
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        ...config.build?.rolldownOptions,
        onLog(level, log, handler) {
          // 'use client' on every React file is for React Server Components; a browser bundle drops it.
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return
          handler(level, log)
        },
      },
    },
  }),
}

export default config
