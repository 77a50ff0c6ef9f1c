import { useChat, useLoginStatus } from '@chat-session/react'
import TencentCloudChat, { type ChatSDK, type Message } from '@tencentcloud/chat'
import { useCallback, useEffect, useState } from 'react'
import { C2C, type ChatMessage, conversationIdOf, loadMessages, toChatMessage } from './chatModel'

export interface ConversationMessages {
  readonly messages: readonly ChatMessage[]
  /** The last message that arrived live (not from the history), for a screen-reader announcement. */
  readonly arrived: ChatMessage | null
  /** Sends a text; it shows at once as `sending`, then `sent` (or `failed`). */
  send(text: string): void
}

/** Merges `incoming` into `list` by ID (a later copy wins) and keeps the order by time. */
function merge(list: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map(list.map((m) => [m.id, m]))
  for (const m of incoming) byId.set(m.id, m)
  return [...byId.values()].sort((a, b) => a.time - b.time)
}

/**
 * The messages of the conversation with `peer`, from the SDK: the history on open and again on every sign-in
 * (what arrived while kicked, renewing or offline), live ones from `MESSAGE_RECEIVED`, and the ones sent
 * here. Marks the conversation read while it is open.
 */
export function useConversationMessages(peer: string | null, me: string): ConversationMessages {
  const chat = useChat<ChatSDK>()
  const { isLoggedIn } = useLoginStatus()
  const [state, setState] = useState<{ peer: string | null; messages: readonly ChatMessage[] }>({
    peer,
    messages: [],
  })
  const [arrived, setArrived] = useState<ChatMessage | null>(null)
  // Another conversation opened: start from its own messages.
  if (state.peer !== peer) {
    setState({ peer, messages: [] })
    setArrived(null)
  }
  const conversationID = peer === null ? null : conversationIdOf(peer)

  useEffect(() => {
    if (!chat || !isLoggedIn || conversationID === null) return
    let live = true
    const add = (incoming: readonly ChatMessage[]) =>
      live && setState((s) => (s.peer === peer ? { peer, messages: merge(s.messages, incoming) } : s))
    const markRead = () => chat.setMessageRead({ conversationID }).catch(() => {})
    loadMessages(chat, conversationID, me).then(
      (history) => {
        add(history)
        markRead()
      },
      () => {},
    )
    const onReceived = (event: { data: Message[] }) => {
      const mine = event.data.filter((m) => m.conversationID === conversationID)
      if (mine.length === 0) return
      const incoming = mine.map((m) => toChatMessage(m, me))
      add(incoming)
      if (live) setArrived(incoming.at(-1) ?? null)
      markRead()
    }
    chat.on(TencentCloudChat.EVENT.MESSAGE_RECEIVED, onReceived)
    return () => {
      live = false
      chat.off(TencentCloudChat.EVENT.MESSAGE_RECEIVED, onReceived)
    }
  }, [chat, isLoggedIn, conversationID, peer, me])

  const send = useCallback(
    (text: string) => {
      if (!chat || peer === null) return
      const message = chat.createTextMessage({ to: peer, conversationType: C2C, payload: { text } })
      const update = (m: ChatMessage) =>
        setState((s) => (s.peer === peer ? { peer, messages: merge(s.messages, [m]) } : s))
      update({ ...toChatMessage(message, me), status: 'sending' })
      chat.sendMessage(message).then(
        (result: { data: { message: Message } }) => update(toChatMessage(result.data.message, me)),
        () => update({ ...toChatMessage(message, me), status: 'failed' }),
      )
    },
    [chat, peer, me],
  )

  return { messages: state.messages, arrived, send }
}
