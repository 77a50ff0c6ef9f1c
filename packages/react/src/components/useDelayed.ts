'use client'
import { useEffect, useState } from 'react'

/** True once `on` has stayed true for `ms` milliseconds; false again as soon as `on` is. */
export function useDelayed(on: boolean, ms: number): boolean {
  const [late, setLate] = useState(false)
  useEffect(() => {
    setLate(false)
    if (!on) return
    const timer = setTimeout(() => setLate(true), ms)
    return () => clearTimeout(timer)
  }, [on, ms])
  return on && late
}
