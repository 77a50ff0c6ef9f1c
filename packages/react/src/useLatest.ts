'use client'
import { useInsertionEffect, useRef } from 'react'

/**
 * A ref that always holds the latest value, so callbacks read fresh props without being dependencies.
 * Updated in an insertion effect: before any layout effect or event, and never during render.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  useInsertionEffect(() => {
    ref.current = value
  })
  return ref
}
