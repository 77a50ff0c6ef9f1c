/** What {@link readText} answers for a body over its limit. */
export const TOO_LARGE = Symbol('too large')

/** The body as text, `TOO_LARGE` past `limit` bytes (checked while reading, not only by Content-Length). */
export async function readText(request: Request, limit: number): Promise<string | null | typeof TOO_LARGE> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) return TOO_LARGE
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength
    if (size > limit) {
      // Not cancelled: cancelling a Node request stream destroys the socket before the 413 can be written.
      reader.releaseLock()
      return TOO_LARGE
    }
    chunks.push(chunk.value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
