import {z} from 'zod';
import {callMattermost, MattermostRequestError} from './rest';

// The bridge's calls to Mattermost REST v4, as the Baton bot. Every response
// is checked against the fields we rely on (see ../shared/MATTERMOST.md).

export const mattermostUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  locale: z.string().default('en'),
  roles: z.string().default(''),
  delete_at: z.number().default(0),
  timezone: z
    .object({
      useAutomaticTimezone: z.union([z.string(), z.boolean()]).optional(),
      automaticTimezone: z.string().optional(),
      manualTimezone: z.string().optional(),
    })
    .partial()
    .optional(),
});

export type MattermostUser = z.infer<typeof mattermostUserSchema>;

export {MattermostRequestError} from './rest';

export const mattermostChannelSchema = z.object({id: z.string(), name: z.string(), display_name: z.string().default(''), type: z.string(), team_id: z.string().default('')});
export type MattermostChannel = z.infer<typeof mattermostChannelSchema>;

export interface MattermostClient {
  getUser(userId: string): Promise<MattermostUser>;
  getChannel(channelId: string): Promise<MattermostChannel>;
  /** The team's URL name (for links such as SiteURL/<team>/channels/<channel>). */
  getTeamName(teamId: string): Promise<string>;
  /** Ids of every channel the user belongs to, across their teams (DMs included). */
  channelIdsOf(userId: string): Promise<string[]>;
  /** Whether the user is a member: Mattermost answers 404 for a non-member. */
  isChannelMember(channelId: string, userId: string): Promise<boolean>;
  /** Whether the user administers the channel (`scheme_admin`, or the `channel_admin` role); false for non-members. */
  isChannelAdmin(channelId: string, userId: string): Promise<boolean>;
}

const channelMemberSchema = z.object({roles: z.string().default(''), scheme_admin: z.boolean().default(false)});

export function createMattermostClient(options: {url: string; botToken: string; fetch?: typeof fetch; timeoutMs?: number}): MattermostClient {

  const getJson = (path: string): Promise<unknown> => callMattermost({url: options.url, token: options.botToken, fetch: options.fetch, timeoutMs: options.timeoutMs}, 'GET', path);

  return {
    getUser: async (userId) => mattermostUserSchema.parse(await getJson(`/users/${encodeURIComponent(userId)}`)),
    getChannel: async (channelId) => mattermostChannelSchema.parse(await getJson(`/channels/${encodeURIComponent(channelId)}`)),
    getTeamName: async (teamId) => z.object({name: z.string()}).parse(await getJson(`/teams/${encodeURIComponent(teamId)}`)).name,
    async channelIdsOf(userId) {
      const teams = z.array(z.object({id: z.string()})).parse(await getJson(`/users/${encodeURIComponent(userId)}/teams`));
      const ids = new Set<string>();
      for (const team of teams) {
        const channels = z.array(z.object({id: z.string()})).parse(await getJson(`/users/${encodeURIComponent(userId)}/teams/${team.id}/channels`));
        for (const channel of channels) ids.add(channel.id);
      }
      return [...ids];
    },
    async isChannelMember(channelId, userId) {
      try {
        await getJson(`/channels/${encodeURIComponent(channelId)}/members/${encodeURIComponent(userId)}`);
        return true;
      } catch (error) {
        if (error instanceof MattermostRequestError && error.status === 404) return false;
        throw error;
      }
    },
    async isChannelAdmin(channelId, userId) {
      try {
        const member = channelMemberSchema.parse(await getJson(`/channels/${encodeURIComponent(channelId)}/members/${encodeURIComponent(userId)}`));
        return member.scheme_admin || member.roles.split(' ').includes('channel_admin');
      } catch (error) {
        if (error instanceof MattermostRequestError && error.status === 404) return false;
        throw error;
      }
    },
  };
}
