/**
 * Empty-but-well-formed answers to the data-sync commands the SDK fires right after every (re-)login.
 *
 * Why answer at all: left unanswered, these requests time out after 15 s and the SDK rejects them without a
 * catch (7 unhandled rejections with code 2801 per login), which fails a test run and litters a browser
 * console. Why not `{ErrorCode: 0}` alone: the SDK pages on the missing fields (the blacklist sync re-requests
 * in a tight loop). The bodies below carry just the fields that end each sync ("complete, nothing more").
 */
type ReplyFields = Readonly<Record<string, unknown>>

const EMPTY_GROUP_LIST: ReplyFields = { GroupIdList: [], TotalCount: 0 }

const FIXED: Readonly<Record<string, ReplyFields>> = {
  'openim.getmsg': { Cookie: '', SyncFlag: 2, MsgList: [] },
  'recentcontact.page_get': {
    CompleteFlag: 1,
    SessionItem: [],
    TimeStamp: 0,
    StartIndex: 0,
    TopTimeStamp: 0,
    TopStartIndex: 0,
  },
  'recentcontact.get_contact_group': { CompleteFlag: 1, ContactItem: [], NextStartIndex: 0, GroupItem: [] },
  'sns.black_list_get': { StartIndex: 0, BlackListItem: [], CurruentSequence: 0 },
  'sns.friend_get': {
    UserDataItem: [],
    FriendNum: 0,
    CompleteFlag: 1,
    StartIndex: 0,
    StandardSequence: 0,
    CustomSequence: 0,
  },
  'sns.group_get': { ResultItem: [], LastSequence: 0 },
  'sns.pendency_get': { PendencyItem: [], UnreadPendencyCount: 0, StartTime: 0, LastSequence: 0 },
  'group_open_http_svc.get_joined_group_list': EMPTY_GROUP_LIST,
  'million_group_open_http_svc.get_joined_group_list': EMPTY_GROUP_LIST,
  'im_sdk_config_mgr.fetch_config': {
    int32_error_code: 0,
    str_error_message: '',
    str_json_config: '',
    uint32_expired_time: 86_400,
    uint64_version: 0,
  },
  'im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2': {
    int32_error_code: 0,
    str_error_message: '',
    str_purchase_bits: '',
    uint32_expired_time: 86_400,
  },
}

/**
 * The reply fields (without `ErrorCode`/`ErrorInfo`) for a data-sync command, or `undefined` when the
 * gateway does not emulate that command (it then stays unanswered, like a slow network).
 */
export function dataSyncReply(
  servcmd: string,
  body: Readonly<Record<string, unknown>>,
): ReplyFields | undefined {
  if (servcmd === 'profile.portrait_get_all') {
    // Echo the asked-for accounts with no profile items, so the SDK caches "known, empty" profiles.
    const items = Array.isArray(body.UserItem) ? body.UserItem : []
    const accounts = items.flatMap((item: unknown) => {
      const account =
        typeof item === 'object' && item !== null ? (item as { To_Account?: unknown }).To_Account : null
      return typeof account === 'string' ? [{ To_Account: account, ProfileItem: [] }] : []
    })
    return { UserProfileItem: accounts }
  }
  return FIXED[servcmd]
}
