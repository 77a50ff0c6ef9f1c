'use client'
import type { Messages } from './messages'

/**
 * The English strings (the default locale); a base for other languages.
 *
 * @example
 * <ChatSessionProvider messages={{ ...en, signOut: 'Log out' }} …>
 */
export const en: Messages = {
  bannerOffline: 'Waiting for network…',
  bannerReconnecting: 'Reconnecting…',
  bannerReconnected: 'Reconnected',
  bannerOutageOffline: 'Still offline. Check your network connection.',
  bannerOutageReconnecting: 'Still reconnecting. Chat is not reachable right now.',
  kickedTitleMultiDevice: 'Signed in on another device',
  kickedTextMultiDevice: '{userID} signed in on another device, so chat was signed out here.',
  kickedTitleMultiAccount: 'Chat opened elsewhere',
  kickedTextMultiAccount: '{userID} opened chat in another browser tab or window, so it was signed out here.',
  kickedTitleThisBrowser: 'Chat opened in another tab',
  kickedTextThisBrowser: '{userID} opened chat in another tab of this browser, so this tab was signed out.',
  kickedTitleRestApi: 'Signed out by an administrator',
  kickedTextRestApi: 'An administrator signed {userID} out of chat.',
  kickedRetryNote: 'Signing in again here signs the other one out.',
  kickedSignInAgain: 'Sign in again',
  kickedUseHere: 'Use here',
  tabPausedTitle: 'Chat is open in another tab',
  tabPausedText:
    '{userID} is using chat in another tab of this browser. It continues here when you come back.',
  signOut: 'Sign out',
  signingIn: 'Signing in…',
  signingOut: 'Signing out…',
  expiredRefreshing: 'Refreshing session…',
  expiredTitle: 'Session expired',
  expiredText: 'Your chat session expired and could not be renewed automatically.',
  expiredForbiddenText: 'Your sign-in is no longer valid. Sign in again to keep chatting.',
  tryAgain: 'Try again',
  signIn: 'Sign in',
  statusLoggedOut: 'Signed out',
  statusLoggedIn: 'Online',
  statusPaused: 'In another tab',
  userIDLabel: 'User ID',
  userIDHint: 'Letters, digits, _ and -, up to 32 characters.',
  userIDEmpty: 'Enter your user ID.',
  userIDTooLong: 'A user ID has at most 32 characters.',
  userIDChars: 'Use only letters, digits, _ and -.',
  errorSigExpired: 'Your sign-in expired and could not be renewed.',
  errorSigInvalid: 'The sign-in credential is invalid.',
  errorSigMismatch: 'The sign-in credential is for another user or app.',
  errorNetwork: 'Cannot reach the chat service.',
  errorTimeout: 'The chat service did not answer in time.',
  errorNotInitialized: 'Chat is not ready.',
  errorRepeatLogin: 'Already signing in.',
  errorForbidden: 'You may not sign in to chat.',
  errorInvalidUserId: 'Invalid user ID.',
  errorFetcherFailed: 'Could not get a sign-in credential.',
  errorKicked: 'Signed out by the chat service.',
  errorSuperseded: 'Replaced by a newer sign-in.',
  errorDisposed: 'Chat was closed.',
  errorUnknown: 'Something went wrong.',
}
