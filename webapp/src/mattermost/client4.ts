// The Mattermost REST calls the webapp makes itself, sent the way the host's
// Client4 (webapp/platform/client/src/client4.ts) sends them: the page's own
// cookie session (credentials included), `X-Requested-With: XMLHttpRequest`
// on every request and, on anything but GET, `X-CSRF-Token` from the MMCSRF
// cookie. Only the calls the session needs; answers are checked with zod.
import * as z from 'zod';

import {readJson} from '../api/fetchLike';
import type {FetchInit, FetchLike} from '../api/fetchLike';

import {readCookie} from './cookies';

/** A refused call, with Mattermost's error body ({id, message, status_code}). */
export class MattermostError extends Error {
  override readonly name = 'MattermostError';

  constructor(readonly status: number, readonly id: string | null, message: string) {
    super(message);
  }
}

/** fetch itself failed: Mattermost could not be reached. */
export class MattermostNetworkError extends Error {
  override readonly name = 'MattermostNetworkError';
}

const errorBodySchema = z.object({id: z.string().optional(), message: z.string()});
const withIdSchema = z.object({id: z.string().min(1)});

/** The CommandResponse fields the webapp reads; the bridge's own fields are checked by whoever ran the command. */
const commandResponseSchema = z.object({props: z.unknown().optional()});

/** The profile fields a user picker shows; Mattermost blanks names the caller may not see. */
const userSummarySchema = z.object({
  id: z.string().min(1),
  username: z.string().min(1),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  nickname: z.string().optional(),
});

/** model.UserAutocomplete: `out_of_channel` only with in_channel, and left out when empty. */
const userAutocompleteSchema = z.object({
  users: z.array(userSummarySchema).nullable(),
  out_of_channel: z.array(userSummarySchema).nullish(),
});

/**
 * A whole profile as POST /users/ids answers it: the host store keeps it as
 * is (entities.users.profiles), so fields beyond id and username pass through.
 */
const profileSchema = z.looseObject({id: z.string().min(1), username: z.string().min(1)});

export type MattermostProfile = z.output<typeof profileSchema>;

export type MattermostUser = {id: string; username: string; firstName: string; lastName: string; nickname: string};

export type AutocompleteQuery = {
  teamId: string;
  /** Channel members come first; other team members follow. Mattermost needs the team with it. */
  channelId?: string | null;
  /** Matched as a prefix of the username, first or last name or nickname; a leading @ is ignored. */
  name: string;
  /** At most this many of each group (Mattermost's default 100). */
  limit?: number;
};

export type CommandArgs = {channel_id: string; team_id: string; root_id?: string};

export type MattermostClient = {
  /** POST /api/v4/commands/execute: the CommandResponse's props. */
  executeCommand(command: string, args: CommandArgs): Promise<unknown>;
  /** GET /api/v4/users/username/{username}: the user id. */
  getUserIdByUsername(username: string): Promise<string>;
  /** POST /api/v4/channels/direct: the DM channel id (created if needed). */
  getDirectChannelId(userId: string, otherUserId: string): Promise<string>;
  /** GET /api/v4/users/autocomplete: the matching active users, channel members first. */
  autocompleteUsers(query: AutocompleteQuery, signal?: AbortSignal): Promise<MattermostUser[]>;
  /** POST /api/v4/users/ids: the profiles of those users the caller may see (unknown ids are left out). */
  getProfilesByIds(userIds: readonly string[]): Promise<MattermostProfile[]>;
};

function toMattermostUser(user: z.output<typeof userSummarySchema>): MattermostUser {
  return {id: user.id, username: user.username, firstName: user.first_name ?? '', lastName: user.last_name ?? '', nickname: user.nickname ?? ''};
}

export type MattermostClientDeps = {
  fetch: FetchLike;
  /** The SiteURL to call (read when each call is made: the host may learn it late). */
  siteUrl: () => string;
  /** document.cookie. */
  cookies: () => string;
};

/** One call to /api/v4: the answer checked with `schema`, or a MattermostError / MattermostNetworkError. */
export type MattermostRequest = <Schema extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: Schema, body?: unknown, signal?: AbortSignal) => Promise<z.output<Schema>>;

/** The request sender every call here uses; postActions.ts sends its button clicks with it too. */
export function createMattermostRequest({fetch, siteUrl, cookies}: MattermostClientDeps): MattermostRequest {
  return async (method, path, schema, body, signal) => {
    const headers: Record<string, string> = {'X-Requested-With': 'XMLHttpRequest'};
    if (method !== 'GET') {
      const csrf = readCookie(cookies(), 'MMCSRF');
      if (csrf) {
        headers['X-CSRF-Token'] = csrf;
      }
    }
    const init: FetchInit = {method, headers, credentials: 'include'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    if (signal) {
      init.signal = signal;
    }
    const url = `${siteUrl().replace(/\/+$/, '')}/api/v4${path}`;
    let response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
      throw new MattermostNetworkError(`${method} ${path}: Mattermost could not be reached`, {cause: error});
    }
    const json = await readJson(response);
    if (!response.ok) {
      const parsed = json.ok ? errorBodySchema.safeParse(json.value) : undefined;
      const message = parsed?.success ? parsed.data.message : `${response.status} ${response.statusText}`.trim();
      throw new MattermostError(response.status, parsed?.success ? parsed.data.id ?? null : null, message);
    }
    const parsed = json.ok ? schema.safeParse(json.value) : undefined;
    if (!parsed?.success) {
      throw new MattermostError(response.status, null, `${method} ${path}: unexpected answer from Mattermost`);
    }
    return parsed.data;
  };
}

export function createMattermostClient(deps: MattermostClientDeps): MattermostClient {
  const request = createMattermostRequest(deps);
  return {
    executeCommand: async (command, {channel_id, team_id, root_id = ''}) =>
      (await request('POST', '/commands/execute', commandResponseSchema, {command, channel_id, team_id, root_id})).props,
    getUserIdByUsername: async (username) => (await request('GET', `/users/username/${encodeURIComponent(username)}`, withIdSchema)).id,
    getDirectChannelId: async (userId, otherUserId) => (await request('POST', '/channels/direct', withIdSchema, [userId, otherUserId])).id,
    autocompleteUsers: async ({teamId, channelId, name, limit}, signal) => {
      // The parameters in the order the host's Client4.autocompleteUsers writes them.
      const query = new URLSearchParams({in_team: teamId});
      if (channelId) {
        query.set('in_channel', channelId);
      }
      query.set('name', name);
      if (limit !== undefined) {
        query.set('limit', String(limit));
      }
      const answer = await request('GET', `/users/autocomplete?${query.toString()}`, userAutocompleteSchema, undefined, signal);
      const seen = new Set<string>();
      return [...answer.users ?? [], ...answer.out_of_channel ?? []]
        .filter((user) => !seen.has(user.id) && Boolean(seen.add(user.id)))
        .map(toMattermostUser);
    },
    getProfilesByIds: async (userIds) => request('POST', '/users/ids', z.array(profileSchema), userIds),
  };
}
