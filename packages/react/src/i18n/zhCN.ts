'use client'
import type { Messages } from './messages'

/**
 * The Simplified Chinese strings (`locale="zh-CN"`).
 *
 * @example
 * <ChatSessionProvider locale="zh-CN" messages={{ kickedUseHere: '继续在此使用' }} …>
 */
export const zhCN: Messages = {
  bannerOffline: '等待网络连接…',
  bannerReconnecting: '正在重新连接…',
  bannerReconnected: '已重新连接',
  bannerOutageOffline: '仍处于离线状态，请检查网络连接。',
  bannerOutageReconnecting: '仍在重新连接，暂时无法连接聊天服务。',
  kickedTitleMultiDevice: '已在其他设备登录',
  kickedTextMultiDevice: '{userID} 已在其他设备登录聊天，此设备已退出登录。',
  kickedTitleMultiAccount: '已在其他位置打开',
  kickedTextMultiAccount: '{userID} 已在其他浏览器标签页或窗口中打开聊天，此处已退出登录。',
  kickedTitleThisBrowser: '已在其他标签页打开',
  kickedTextThisBrowser: '{userID} 已在此浏览器的其他标签页中打开聊天，此标签页已退出登录。',
  kickedTitleRestApi: '已被管理员退出登录',
  kickedTextRestApi: '管理员已将 {userID} 退出聊天。',
  kickedRetryNote: '在此重新登录会使另一处退出登录。',
  kickedSignInAgain: '重新登录',
  kickedUseHere: '在此使用',
  signOut: '退出登录',
  signingIn: '正在登录…',
  signingOut: '正在退出…',
  expiredRefreshing: '正在刷新会话…',
  expiredTitle: '会话已过期',
  expiredText: '聊天会话已过期，且无法自动续期。',
  expiredForbiddenText: '登录状态已失效。请重新登录以继续聊天。',
  tryAgain: '重试',
  signIn: '登录',
  statusLoggedOut: '未登录',
  statusLoggedIn: '在线',
  userIDLabel: '用户 ID',
  userIDHint: '字母、数字、_ 和 -，最多 32 个字符。',
  userIDEmpty: '请输入用户 ID。',
  userIDTooLong: '用户 ID 最多 32 个字符。',
  userIDChars: '只能使用字母、数字、_ 和 -。',
  errorSigExpired: '登录已过期，且无法续期。',
  errorSigInvalid: '登录凭证无效。',
  errorSigMismatch: '登录凭证属于其他用户或应用。',
  errorNetwork: '无法连接聊天服务。',
  errorTimeout: '聊天服务响应超时。',
  errorNotInitialized: '聊天尚未就绪。',
  errorRepeatLogin: '正在登录中。',
  errorForbidden: '你无权登录聊天。',
  errorInvalidUserId: '用户 ID 无效。',
  errorFetcherFailed: '无法获取登录凭证。',
  errorKicked: '已被聊天服务退出登录。',
  errorSuperseded: '已被新的登录取代。',
  errorDisposed: '聊天已关闭。',
  errorUnknown: '出现问题。',
}
