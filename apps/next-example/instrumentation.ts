/**
 * Runs once when the Next.js server starts (`next dev`, `next start`): in local mode it starts the kit's
 * local gateway beside the app. Never during `next build`, which must open no socket at all.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  // Imported here, so the edge build and `next build` never load the gateway (Node only, on `ws`).
  const { startDevGateway } = await import('./lib/devGateway')
  await startDevGateway()
}
