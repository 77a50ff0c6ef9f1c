import type { ReactNode } from 'react'

/**
 * A user ID that may be long (up to 32 bytes): cut with an ellipsis by CSS, the whole ID in `title` for a
 * pointer and in the text itself for screen readers (the cut is visual only).
 */
export function UserName({ userID, className }: { userID: string; className?: string }): ReactNode {
  return (
    <span className={className ? `demo-name ${className}` : 'demo-name'} title={userID}>
      {userID}
    </span>
  )
}
