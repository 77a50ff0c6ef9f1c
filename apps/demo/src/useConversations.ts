import { useChat, useLoginStatus } from '@chat-session/react'
import TencentCloudChat, { type ChatSDK } from '@tencentcloud/chat'
import { useEffect, useState } from 'react'
import { type ChatConversation, loadConversations } from './chatModel'

/**
 * The signed-in user's one-to-one conversations, from the SDK. Re-read on every sign-in (after a kick or a
 * renewal the SDK syncs what arrived meanwhile) and on `CONVERSATION_LIST_UPDATED` (new messages, unread
 * counts; after a re-login the list can arrive after `SDK_READY`). Kept while signed out, so the shell behind
 * a kicked dialog still shows it.
 */
export function useConversations(): readonly ChatConversation[] {
  const chat = useChat<ChatSDK>()
  const { isLoggedIn } = useLoginStatus()
  const [list, setList] = useState<readonly ChatConversation[]>([])
  useEffect(() => {
    if (!chat || !isLoggedIn) return
    let live = true
    const reload = () => {
      loadConversations(chat).then(
        (next) => live && setList(next),
        // Not ready any more (kicked, signing in): the next sign-in reads it again.
        () => {},
      )
    }
    reload()
    chat.on(TencentCloudChat.EVENT.CONVERSATION_LIST_UPDATED, reload)
    return () => {
      live = false
      chat.off(TencentCloudChat.EVENT.CONVERSATION_LIST_UPDATED, reload)
    }
  }, [chat, isLoggedIn])
  return list
}
