import {z} from 'zod';
import {createBotRequest} from './botRequest';
import {MattermostRequestError} from './client';
import type {ConnectionSource} from './connection';

// @username → Mattermost user id, for text a dialog submits (`attorney:@sato`):
// a slash command's mentions come resolved by Mattermost, a dialog's text
// does not. Asked as the bot (GET /users/username/{name}); answers, "nobody"
// included, are kept briefly, since a dialog is often submitted again.

const userSchema = z.object({id: z.string().min(1), delete_at: z.number().default(0)});

export interface UsernameLookupDeps {
  connection: ConnectionSource;
  fetch?: typeof fetch;
  ttlMs?: number;
  now?: () => number;
}

/** The id of the active user with this username (any case, with or without `@`); undefined when there is none. */
export type UserIdByUsername = (username: string) => Promise<string | undefined>;

export function createUsernameLookup({connection, fetch: send, ttlMs = 60_000, now = Date.now}: UsernameLookupDeps): UserIdByUsername {
  const {request} = createBotRequest({connection, ...(send ? {fetch: send} : {})});
  const known = new Map<string, {id: string | undefined; at: number}>();

  async function ask(username: string): Promise<string | undefined> {
    try {
      const user = userSchema.parse(await request('GET', `/users/username/${encodeURIComponent(username)}`));
      // A deactivated account cannot be handed anything.
      return user.delete_at === 0 ? user.id : undefined;
    } catch (error) {
      if (error instanceof MattermostRequestError && error.status === 404) return undefined;
      throw error;
    }
  }

  return async (given) => {
    const username = given.replace(/^@/, '').toLowerCase();
    const hit = known.get(username);
    if (hit && now() - hit.at < ttlMs) return hit.id;
    const id = await ask(username);
    known.set(username, {id, at: now()});
    return id;
  };
}
