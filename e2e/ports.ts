/**
 * Ports of the two demo servers the e2e suite starts (playwright.config.ts): the main one, and one whose
 * UserSigs live only a few seconds. `E2E_DEMO_PORT` moves both (the second is the next port).
 */
export const MAIN_PORT = Number(process.env.E2E_DEMO_PORT ?? 5180)
export const SHORT_TTL_PORT = MAIN_PORT + 1
/** Lifetime of the short-lived UserSigs, in seconds. */
export const SHORT_TTL_SECONDS = 8
export const mainURL = `http://127.0.0.1:${MAIN_PORT}`
export const shortTtlURL = `http://127.0.0.1:${SHORT_TTL_PORT}`
