import '@chat-session/react/styles.css'
import './example.css'
import type { Metadata } from 'next'
import type { ReactNode } from 'react'

export const metadata: Metadata = {
  title: 'Chat Session Kit × Next.js',
  description: 'Sign in to Tencent Cloud Chat from a Next.js App Router app.',
}

export default function RootLayout({ children }: { readonly children: ReactNode }): ReactNode {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
