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
