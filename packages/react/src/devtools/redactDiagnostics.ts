const REDACTED = '[redacted]'
/** Keys whose values are secrets or free text that may hold one (a fetcher's or server's message). */
const SECRET_KEY = /^(usersig|sig|a2key|a2|secret|secretkey|key|token|message|cause|stack)$/i
/** A long token-like string, the shape of a UserSig or an a2Key, wherever it turns up. */
const TOKEN = /[A-Za-z0-9*_\-+/=]{48,}/g

/**
 * A copy of `value` safe for a bug report: UserSigs, a2Keys, secrets and every message left out, errors reduced
 * to name, kind, code and detail, token-like strings masked. A cycle becomes `[cycle]`.
 *
 * @example
 * JSON.stringify(redactDiagnostics({ snapshot, userSig })) // '{"snapshot":{…},"userSig":"[redacted]"}'
 */
export function redactDiagnostics(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return value.replace(TOKEN, REDACTED)
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? undefined : value
  // Only the objects above this one: an object met twice side by side (one error in the snapshot and a trace)
  // is copied twice, a cycle stops.
  if (seen.has(value)) return '[cycle]'
  seen.add(value)
  let copy: unknown
  if (value instanceof Error) {
    const { kind, code, detail } = value as Error & { kind?: unknown; code?: unknown; detail?: unknown }
    copy = redactDiagnostics({ name: value.name, kind, code, detail }, seen)
  } else if (Array.isArray(value)) copy = value.map((item) => redactDiagnostics(item, seen))
  else {
    const fields: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      fields[key] =
        SECRET_KEY.test(key) && !(key === 'sig' && typeof item === 'object')
          ? REDACTED
          : redactDiagnostics(item, seen)
    }
    copy = fields
  }
  seen.delete(value)
  return copy
}
