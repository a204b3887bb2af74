import type {ChannelAccess} from '../tasks/ports';
import type {Caller} from '../tasks/task';

// Channel access as a web intake's caller sees it: the Baton bot, which
// Mattermost does not make a member of the firm's channels, "belongs" to the
// intake's one channel, so the usual task rules let it create there and
// nowhere else. Everyone else's membership is Mattermost's, as for API
// tokens (domain/tokens/tokenScope.ts).

export function intakeChannelAccess(access: ChannelAccess, caller: Caller): ChannelAccess {
  const via = caller.via?.kind === 'intake' ? caller.via : undefined;
  const isBot = (userId: string) => via !== undefined && userId === caller.userId;
  return {
    ...access,
    isMember: async (userId, channelId) => (isBot(userId) ? channelId === via?.channelId : access.isMember(userId, channelId)),
    memberChannelIds: async (userId) => (isBot(userId) && via ? [via.channelId] : access.memberChannelIds(userId)),
    canManageChannel: async (userId, channelId) => (isBot(userId) ? false : access.canManageChannel(userId, channelId)),
    isSystemAdmin: async (userId) => (isBot(userId) ? false : access.isSystemAdmin(userId)),
    isGuest: async (userId) => (isBot(userId) ? false : access.isGuest(userId)),
  };
}
