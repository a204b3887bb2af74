import {requireCaller} from '../../auth';
import {boolQuery, idParam} from '../../request';
import type {RouteModule} from '../../server';
import {hasChannelPermission, requirePermission} from '../../services/permissions';

// GET /api/v4/channels/{channel_id}/stats (api4/channel.go getChannelStats):
// read_channel first (an unknown channel is a permission error, not a 404),
// then the counts. Members and guests count active users only (store
// GetMemberCount / GetGuestCount join Users with DeleteAt = 0); files_count is
// -1 with exclude_files_count=true, and the simulator stores no files.

export const channelStatsRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v4/channels/:channel_id/stats', async (request) => {
    const caller = requireCaller(ctx, request);
    const channelId = idParam(request, 'channel_id');
    requirePermission(hasChannelPermission(ctx, caller.user, channelId, 'read_channel'), caller.user, 'read_channel');
    const members = [...ctx.store.channelMembers.values()].filter((member) => member.channel_id === channelId && (ctx.store.users.get(member.user_id)?.delete_at ?? 1) === 0);
    const pinned = [...ctx.store.posts.values()].filter((post) => post.channel_id === channelId && post.is_pinned && post.delete_at === 0);
    return {
      channel_id: channelId,
      member_count: members.length,
      guest_count: members.filter((member) => member.scheme_guest).length,
      pinnedpost_count: pinned.length,
      has_new_pinned_posts: false,
      files_count: boolQuery(request, 'exclude_files_count') ? -1 : 0,
    };
  });
};
