// What the webapp reads from the host's own redux state, in mattermost-redux's
// shape (the selectors getCurrentChannelId, getCurrentTeamId,
// getCurrentUserId and getConfig read the same paths). The state is typed
// `unknown` at the boundary, so each reader checks what it finds.

function at(state: unknown, path: readonly string[]): unknown {
  let value = state;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export const getCurrentChannelId = (state: unknown) => nonEmptyString(at(state, ['entities', 'channels', 'currentChannelId']));
export const getCurrentTeamId = (state: unknown) => nonEmptyString(at(state, ['entities', 'teams', 'currentTeamId']));
export const getCurrentUserId = (state: unknown) => nonEmptyString(at(state, ['entities', 'users', 'currentUserId']));
const getConfiguredSiteUrl = (state: unknown) => nonEmptyString(at(state, ['entities', 'general', 'config', 'SiteURL']));

/** The profiles the host has loaded (entities.users.profiles), as one stable object; null when absent. */
export function getUserProfiles(state: unknown): Readonly<Record<string, unknown>> | null {
  const profiles = at(state, ['entities', 'users', 'profiles']);
  return typeof profiles === 'object' && profiles !== null ? profiles as Record<string, unknown> : null;
}

/** A loaded profile's username; null when the host has not loaded that user. */
export function usernameIn(profiles: Readonly<Record<string, unknown>> | null, userId: string): string | null {
  return nonEmptyString(at(profiles?.[userId], ['username']));
}

/** The IANA zone a Mattermost user chose (automatic or manual, as user.timezone says); null when unknown. */
export function timeZoneIn(profiles: Readonly<Record<string, unknown>> | null, userId: string | null): string | null {
  const timezone = userId ? at(profiles?.[userId], ['timezone']) : undefined;
  const automatic = at(timezone, ['useAutomaticTimezone']);
  const useAutomatic = automatic === true || automatic === 'true';
  return nonEmptyString(at(timezone, [useAutomatic ? 'automaticTimezone' : 'manualTimezone']));
}

/** entities.channels.channels[id].display_name; null when not loaded or empty (DMs). */
export function channelDisplayName(state: unknown, channelId: string): string | null {
  return nonEmptyString(at(state, ['entities', 'channels', 'channels', channelId, 'display_name']));
}

/** How a channel is named in a sentence: its display name, else its name, else its id ('' without a channel). */
export function channelLabel(state: unknown, channelId: string | null): string {
  if (!channelId) {
    return '';
  }
  return channelDisplayName(state, channelId) ?? nonEmptyString(at(state, ['entities', 'channels', 'channels', channelId, 'name'])) ?? channelId;
}

/** A post the host has loaded (entities.posts.posts[id]): what "Create task from message" needs. */
export function postIn(state: unknown, postId: string): {message: string; channelId: string; type: string} | null {
  const post = at(state, ['entities', 'posts', 'posts', postId]);
  const channelId = nonEmptyString(at(post, ['channel_id']));
  if (!channelId) {
    return null;
  }
  const message = at(post, ['message']);
  const type = at(post, ['type']);
  return {message: typeof message === 'string' ? message : '', channelId, type: typeof type === 'string' ? type : ''};
}

/** entities.teams.teams[currentTeamId].name: the team part of a permalink. */
export function currentTeamName(state: unknown): string | null {
  const teamId = getCurrentTeamId(state);
  return teamId ? nonEmptyString(at(state, ['entities', 'teams', 'teams', teamId, 'name'])) : null;
}

/**
 * Where to send Mattermost REST calls. The cookie session only travels to the
 * page's own origin, so the configured SiteURL is used (for its subpath) only
 * when it is that origin; otherwise the page origin, as the host's Client4
 * would (it builds its URL from window.location too).
 */
export function mattermostSiteUrl(state: unknown, pageOrigin: string): string {
  const configured = getConfiguredSiteUrl(state);
  if (configured) {
    try {
      if (new URL(configured).origin === pageOrigin) {
        return configured.replace(/\/+$/, '');
      }
    } catch {
      // Not a URL: ignore it.
    }
  }
  return pageOrigin;
}
