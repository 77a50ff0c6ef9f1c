'use client'
import type { ChatAdapter, ChatLike } from '@chat-session/core'
import { useSessionContext } from './useSessionContext'

/**
 * The chat SDK instance of the nearest `<ChatSessionProvider>`: the one it was given, or the one its `chat`
 * factory made. `null` until the factory has run (on the server, and in the first render in the browser),
 * so use it in effects and event handlers. Name the SDK's type to get its whole API.
 *
 * @example
 * const chat = useChat<ChatSDK>()
 * const { isLoggedIn } = useLoginStatus()
 * useEffect(() => {
 *   if (chat && isLoggedIn) chat.getConversationList().then(({ data }) => setList(data.conversationList))
 * }, [chat, isLoggedIn])
 */
export function useChat<Chat extends ChatLike | ChatAdapter = ChatLike>(): Chat | null {
  return (useSessionContext().chat ?? null) as Chat | null
}
