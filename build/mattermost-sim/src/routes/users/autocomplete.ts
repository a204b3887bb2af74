import {requireCaller} from '../../auth';
import {MmError} from '../../errors';
import {queryParams} from '../../request';
import type {RouteModule} from '../../server';
import {canSeeUser, hasChannelPermission, hasPermission, hasTeamPermission, requirePermission} from '../../services/permissions';
import {sanitizeProfile} from '../../services/users';
import type {User} from '../../store/entities';
import {channelMemberIds, teamMemberIds} from '../../store/store';

// GET /api/v4/users/autocomplete (api4/user.go autocompleteUsers, app/user.go
// AutocompleteUsersInChannel / AutocompleteUsersInTeam, sqlstore performSearch).
// Answers model.UserAutocomplete: {users, out_of_channel (omitempty)}.

/** model.UserSearchDefaultLimit and UserSearchMaxLimit. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** strconv.Atoi then clamping, as the handler does: an unparsable limit is 0 (no users); over the max is the max. */
function limitOf(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_LIMIT;
  const parsed = /^[+-]?\d+$/.test(text) ? Number(text) : 0;
  return Math.max(0, Math.min(parsed, MAX_LIMIT));
}

/**
 * generateSearchQuery: every whitespace-separated word (leading @ trimmed)
 * must be a case-insensitive prefix of one searched field. Emails are never
 * searched here; first and last names only when the caller may see them.
 */
function matches(user: User, words: string[], withFullNames: boolean): boolean {
  const fields = [user.username, user.nickname, ...(withFullNames ? [user.first_name, user.last_name] : [])].map((field) => field.toLowerCase());
  return words.every((word) => fields.some((field) => field.startsWith(word)));
}

export const userAutocompleteRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v4/users/autocomplete', async (request) => {
    const caller = requireCaller(ctx, request);
    const query = queryParams(request);
    const channelId = query.in_channel ?? '';
    const teamId = query.in_team ?? '';
    const limit = limitOf(query.limit);
    const asAdmin = hasPermission(caller.user, 'manage_system');
    const withFullNames = asAdmin || ctx.config.PrivacySettings.ShowFullName;
    if (channelId !== '') requirePermission(hasChannelPermission(ctx, caller.user, channelId, 'read_channel'), caller.user, 'read_channel');
    if (teamId !== '') requirePermission(hasTeamPermission(ctx, caller.user, teamId, 'view_team'), caller.user, 'view_team');
    // The store trims the term, drops `*` and matches each word; `@alice` finds alice.
    const words = (query.name ?? '').trim().replaceAll('*', '').split(/\s+/).filter((word) => word !== '').map((word) => word.replace(/^@+/, '').toLowerCase());
    const search = (ids: Iterable<string>) => [...new Set(ids)]
      .map((id) => ctx.store.users.get(id))
      .filter((user): user is User => user !== undefined && user.delete_at === 0 && canSeeUser(ctx, caller.user, user.id) && matches(user, words, withFullNames))
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
      .slice(0, limit)
      .map((user) => sanitizeProfile(ctx, user, asAdmin));
    if (channelId !== '') {
      // The team is needed for the out-of-channel list; Mattermost answers 500 without it.
      if (teamId === '') throw new MmError(500, 'api.user.autocomplete_users.missing_team_id.app_error', 'Team id is required to autocomplete users in a channel.');
      const inChannel = new Set(channelMemberIds(ctx.store, channelId));
      const outOfChannel = search(teamMemberIds(ctx.store, teamId).filter((id) => !inChannel.has(id)));
      // `out_of_channel` is omitempty in Go: an empty list is left out.
      return {users: search(inChannel), ...(outOfChannel.length > 0 ? {out_of_channel: outOfChannel} : {})};
    }
    if (teamId !== '') return {users: search(teamMemberIds(ctx.store, teamId))};
    return {users: search(ctx.store.users.keys())};
  });
};
