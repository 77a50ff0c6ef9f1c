'use client'
import type { ReactNode } from 'react'
import { LoginStatusBadge } from '../src/index'

/** The look of a window around a story: shared with the two-tabs story's panels. */
export const surface = {
  border: '1px solid var(--csk-border)',
  borderRadius: 12,
  overflow: 'hidden',
  background: 'var(--csk-bg)',
  color: 'var(--csk-fg)',
  font: '14px/1.5 var(--csk-font)',
} as const

const frame = { maxWidth: 560, ...surface } as const

const line = (width: string) => (
  <div style={{ height: 10, width, borderRadius: 5, background: 'var(--csk-border)', margin: '10px 0' }} />
)

/** A stand-in chat window around the component, so stories and screenshots show it in place. */
export function AppFrame({ children }: { readonly children?: ReactNode }): ReactNode {
  return (
    <main style={frame}>
      <header
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          padding: '10px 16px',
          borderBottom: '1px solid var(--csk-border)',
        }}
      >
        <strong>Team chat</strong>
        <LoginStatusBadge showUserID />
      </header>
      {children}
      <div style={{ padding: '8px 16px 16px' }} aria-hidden="true">
        {line('70%')}
        {line('45%')}
        {line('60%')}
      </div>
    </main>
  )
}
