import TencentCloudChat, { type ChatSDK, type Message } from '@tencentcloud/chat'

/** A text message as the demo shows it. */
export interface ChatMessage {
  /** The SDK's message ID; the same on both ends and in the history. */
  readonly id: string
  readonly from: string
  readonly text: string
  /** Unix seconds (server time once sent). */
  readonly time: number
  readonly mine: boolean
  /** `sending` while the SDK waits for the service (an outage keeps it there until the service is back). */
  readonly status: 'sending' | 'sent' | 'failed'
}

/** A one-to-one conversation as the list shows it. */
export interface ChatConversation {
  /** `C2C<peer>`. */
  readonly id: string
  readonly peer: string
  readonly unread: number
  readonly preview: string
  /** Unix seconds of the last message, 0 without one. */
  readonly lastTime: number
}

export const C2C = TencentCloudChat.TYPES.CONV_C2C

export const conversationIdOf = (peer: string): string => `${C2C}${peer}`

function textOf(payload: unknown): string {
  const text = (payload as { text?: unknown } | null | undefined)?.text
  return typeof text === 'string' ? text : '(not a text message)'
}

export function toChatMessage(message: Message, me: string): ChatMessage {
  return {
    id: message.ID,
    from: message.from,
    text: textOf(message.payload),
    time: message.time,
    mine: message.from === me,
    status: message.status === 'fail' ? 'failed' : message.status === 'unSend' ? 'sending' : 'sent',
  }
}

interface SdkConversation {
  readonly conversationID: string
  readonly type: string
  readonly unreadCount: number
  readonly lastMessage?: { readonly payload?: unknown; readonly lastTime?: number } | null
}

/** The SDK's conversation list, one-to-one conversations only, newest first. */
export async function loadConversations(chat: ChatSDK): Promise<ChatConversation[]> {
  const result = (await chat.getConversationList()) as { data: { conversationList: SdkConversation[] } }
  return result.data.conversationList
    .filter((c) => c.type === C2C)
    .map((c) => ({
      id: c.conversationID,
      peer: c.conversationID.slice(C2C.length),
      unread: c.unreadCount,
      preview: c.lastMessage?.payload ? textOf(c.lastMessage.payload) : '',
      lastTime: c.lastMessage?.lastTime ?? 0,
    }))
}

/** The latest page of a conversation's messages, oldest first. */
export async function loadMessages(
  chat: ChatSDK,
  conversationID: string,
  me: string,
): Promise<ChatMessage[]> {
  const result = (await chat.getMessageList({ conversationID })) as { data: { messageList: Message[] } }
  return result.data.messageList.map((m) => toChatMessage(m, me))
}
