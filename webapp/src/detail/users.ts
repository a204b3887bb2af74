// People as the detail view names them, from the profiles the host store has
// loaded: @username when known, else the start of the id. A username typed
// into a form is resolved the same way (no search on the server: keep it simple).
import {usernameIn} from '../mattermost/hostState';
import {shortId} from '../tasks/taskRow';

type Profiles = Readonly<Record<string, unknown>> | null;

export function userLabel(profiles: Profiles, userId: string): string {
  const username = usernameIn(profiles, userId);
  return username ? `@${username}` : shortId(userId);
}

const mattermostId = /^[a-z0-9]{26}$/;

/** The id of `@name` / `name` among loaded profiles; a Mattermost user id as typed; else null. */
export function resolveUser(profiles: Profiles, text: string): string | null {
  const wanted = text.trim().replace(/^@/, '').toLowerCase();
  if (!wanted) {
    return null;
  }
  for (const id of Object.keys(profiles ?? {})) {
    if (usernameIn(profiles, id)?.toLowerCase() === wanted) {
      return id;
    }
  }
  return mattermostId.test(wanted) ? wanted : null;
}
