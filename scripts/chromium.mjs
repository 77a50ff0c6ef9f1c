// Debian's Chromium and the flags it needs on this machine kind (no sandbox as root, no background network:
// the closed network refuses Chromium's own connections). Shared by Vitest browser mode, Playwright and the
// screenshot script. Playwright cannot download its own browsers here.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}
