// What the task form reads from the host's redux state (mattermost-redux's
// shape), checked because the state is `unknown` at the boundary.

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

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** entities.channels.channels[id].display_name; null when not loaded or empty (DMs). */
export function channelDisplayName(state: unknown, channelId: string): string | null {
  return text(at(state, ['entities', 'channels', 'channels', channelId, 'display_name']));
}

/** A post the host has loaded (entities.posts.posts[id]): what "Create task from message" needs. */
export function postIn(state: unknown, postId: string): {message: string; channelId: string; type: string} | null {
  const post = at(state, ['entities', 'posts', 'posts', postId]);
  const channelId = text(at(post, ['channel_id']));
  if (!channelId) {
    return null;
  }
  const message = at(post, ['message']);
  const type = at(post, ['type']);
  return {message: typeof message === 'string' ? message : '', channelId, type: typeof type === 'string' ? type : ''};
}

/** entities.teams.teams[currentTeamId].name: the team part of a permalink. */
export function currentTeamName(state: unknown): string | null {
  const teamId = text(at(state, ['entities', 'teams', 'currentTeamId']));
  return teamId ? text(at(state, ['entities', 'teams', 'teams', teamId, 'name'])) : null;
}
