import type TencentCloudChat from '@tencentcloud/chat'
import type { ChatSDK, Message } from '@tencentcloud/chat'

/** A text message as the messaging scenarios compare it. */
export interface ContractMessage {
  /** The SDK's message ID (`senderTinyId-clientTime-random`): the same on both ends. */
  readonly id: string
  readonly from: string
  readonly to: string
  /** `'out'` for the signed-in user's own messages, `'in'` for the peer's. */
  readonly flow: string
  readonly text: string
}

/** A one-to-one conversation as the scenarios compare it. */
export interface ContractConversation {
  /** `C2C<peer>`. */
  readonly id: string
  readonly unread: number
  /** Text of the last message, `null` when it has none. */
  readonly lastText: string | null
  readonly lastFrom: string
}

/**
 * The messaging part of an SDK instance the messaging scenarios use: send a text, read the history and the
 * conversation list, mark read, and every `MESSAGE_RECEIVED` since the instance was made.
 */
export interface ContractMessaging {
  send(to: string, text: string): Promise<ContractMessage>
  /** `getMessageList` of the conversation with `peer` (first page, oldest first). */
  history(peer: string): Promise<ContractMessage[]>
  conversations(): Promise<ContractConversation[]>
  read(peer: string): Promise<void>
  readonly received: readonly ContractMessage[]
}

// The SDK's `TYPES.CONV_C2C`, without loading the SDK module here (Node gives every client its own copy).
const C2C = 'C2C' as TencentCloudChat.TYPES.CONV_C2C

function toContract(message: Message): ContractMessage {
  const payload = message.payload as { text?: unknown } | undefined
  return {
    id: message.ID,
    from: message.from,
    to: message.to,
    flow: message.flow,
    text: typeof payload?.text === 'string' ? payload.text : '',
  }
}

/**
 * The real SDK's messaging, recorded from now on. Works in Node and in a browser.
 *
 * @example
 * const messages = contractMessaging(chat)
 * await messages.send('bob', 'hi')
 */
export function contractMessaging(sdk: ChatSDK): ContractMessaging {
  const received: ContractMessage[] = []
  sdk.on('onMessageReceived', (event: { data: Message[] }) => {
    for (const message of event.data) received.push(toContract(message))
  })
  return {
    received,
    async send(to, text) {
      const message = sdk.createTextMessage({ to, conversationType: C2C, payload: { text } })
      const result = (await sdk.sendMessage(message)) as { data: { message: Message } }
      return toContract(result.data.message)
    },
    async history(peer) {
      const result = (await sdk.getMessageList({ conversationID: `${C2C}${peer}` })) as {
        data: { messageList: Message[] }
      }
      return result.data.messageList.map(toContract)
    },
    async conversations() {
      const result = (await sdk.getConversationList()) as {
        data: {
          conversationList: Array<{
            conversationID: string
            unreadCount: number
            lastMessage?: { payload?: { text?: unknown } | null; fromAccount?: string }
          }>
        }
      }
      return result.data.conversationList.map((c) => ({
        id: c.conversationID,
        unread: c.unreadCount,
        lastText: typeof c.lastMessage?.payload?.text === 'string' ? c.lastMessage.payload.text : null,
        lastFrom: c.lastMessage?.fromAccount ?? '',
      }))
    },
    async read(peer) {
      await sdk.setMessageRead({ conversationID: `${C2C}${peer}` })
    },
  }
}
