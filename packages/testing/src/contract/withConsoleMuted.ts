const CONSOLE_METHODS = ['debug', 'log', 'info', 'warn'] as const

/** Runs `fn` with the console silenced: the SDK prints a few lines in create(), before `setLogLevel` works. */
export function withConsoleMuted<T>(fn: () => T): T {
  const originals = CONSOLE_METHODS.map((method) => console[method])
  for (const method of CONSOLE_METHODS) console[method] = () => {}
  try {
    return fn()
  } finally {
    CONSOLE_METHODS.forEach((method, i) => {
      console[method] = originals[i]!
    })
  }
}
