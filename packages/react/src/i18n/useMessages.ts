'use client'
import type { SessionErrorInfo } from '@chat-session/core'
import { useContext, useMemo } from 'react'
import { SessionContext } from '../SessionContext'
import { en } from './en'
import { errorMessageKey, type Messages } from './messages'
import { zhCN } from './zhCN'

/**
 * The component strings for the provider's `locale`, with its `messages` overrides applied.
 * Outside a provider it gives English.
 *
 * @example
 * const t = useMessages()
 * <button>{t.signOut}</button>
 */
export function useMessages(): Messages {
  const context = useContext(SessionContext)
  const locale = context?.locale
  const overrides = context?.messages
  return useMemo(() => {
    const messages = { ...(locale === 'zh-CN' ? zhCN : en) }
    for (const key in overrides) {
      const text = overrides[key as keyof Messages]
      if (text !== undefined) messages[key as keyof Messages] = text
    }
    return messages
  }, [locale, overrides])
}

/**
 * The message that explains an error to the user, by its kind.
 *
 * @example
 * const t = useMessages()
 * <p role="alert">{errorText(t, login.error)}</p>
 */
export function errorText(messages: Messages, error: SessionErrorInfo): string {
  return messages[errorMessageKey(error.kind)] ?? messages.errorUnknown
}
