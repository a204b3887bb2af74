import {z} from 'zod';
import type {NoticePost} from '../domain/notices/ports';
import {createBotRequest} from './botRequest';
import {MattermostRequestError} from './client';
import type {ConnectionSource} from './connection';

// The bot's channel calls for channel notices and run channels (REST v4 as
// in Mattermost 11, api4/channel.go): a channel's team, a private channel
// found by name or created, members added, a channel archived, a channel's
// member and guest counts and its members with their guest flag, ephemeral
// posts, and the server's default language. The bot is a system admin, so it may do all of this in any team
// without being a member (Mattermost's CreateChannel makes the creator a
// channel member without asking for team membership).

const channelSchema = z.object({id: z.string(), team_id: z.string().default(''), delete_at: z.number().default(0)});
const memberSchema = z.object({user_id: z.string(), roles: z.string().default(''), scheme_guest: z.boolean().default(false)});
const postSchema = z.object({id: z.string()});
const statsSchema = z.object({member_count: z.number(), guest_count: z.number().default(0)});
const clientConfigSchema = z.object({DefaultClientLocale: z.string().optional()}).loose();

/** Mattermost's page size limit for channel members (api4 params: per_page ≤ 200). */
const MEMBERS_PAGE = 200;

export interface ChannelMemberInfo {
  userId: string;
  guest: boolean;
}

export interface BotChannels {
  /** The team of the channel; '' for direct and group messages. */
  teamOf(channelId: string): Promise<string>;
  /** The team's channel of that name, archived ones included (a name is never reused). */
  findByName(teamId: string, name: string): Promise<{id: string; archived: boolean} | undefined>;
  /** A new private channel; the bot becomes its first member. */
  createPrivate(channel: {teamId: string; name: string; displayName: string; purpose: string}): Promise<{id: string}>;
  /** Adds the users (members already in it are fine). */
  addMembers(channelId: string, userIds: string[]): Promise<void>;
  /** Archives the channel; 'already' when it was archived (or deleted) before. */
  archive(channelId: string): Promise<'archived' | 'already'>;
  /** How many active members and guests the channel has (GET /channels/{id}/stats). */
  stats(channelId: string): Promise<{memberCount: number; guestCount: number}>;
  /** The channel's members (the bot left out), at most `limit`; `more` when there are others beyond. */
  members(channelId: string, limit: number): Promise<{members: ChannelMemberInfo[]; more: boolean}>;
  /** A post only this user sees, in the channel, until they reload (Mattermost never stores it). */
  sendEphemeral(userId: string, channelId: string, post: NoticePost): Promise<{id: string}>;
  /** Mattermost's default language for people (LocalizationSettings.DefaultClientLocale), remembered for a while. */
  defaultLocale(): Promise<string>;
}

export function createBotChannels(deps: {connection: ConnectionSource; fetch?: typeof fetch; timeoutMs?: number; now?: () => number; localeTtlMs?: number}): BotChannels {
  const {current, request} = createBotRequest(deps);
  const now = deps.now ?? Date.now;
  const localeTtl = deps.localeTtlMs ?? 10 * 60_000;
  let locale: {value: string; at: number; url: string} | undefined;
  const path = encodeURIComponent;

  const notFound = (error: unknown) => error instanceof MattermostRequestError && error.status === 404;

  return {
    async teamOf(channelId) {
      return channelSchema.parse(await request('GET', `/channels/${path(channelId)}`)).team_id;
    },

    async findByName(teamId, name) {
      try {
        const channel = channelSchema.parse(await request('GET', `/teams/${path(teamId)}/channels/name/${path(name)}?include_deleted=true`));
        return {id: channel.id, archived: channel.delete_at > 0};
      } catch (error) {
        if (notFound(error)) return undefined;
        throw error;
      }
    },

    async createPrivate({teamId, name, displayName, purpose}) {
      return channelSchema.parse(await request('POST', '/channels', {team_id: teamId, name, display_name: displayName, purpose, type: 'P'}));
    },

    async addMembers(channelId, userIds) {
      if (userIds.length === 0) return;
      // user_ids adds several at once; Mattermost answers an error only when none could be added.
      await request('POST', `/channels/${path(channelId)}/members`, {user_ids: [...new Set(userIds)]});
    },

    async archive(channelId) {
      try {
        await request('DELETE', `/channels/${path(channelId)}`);
        return 'archived';
      } catch (error) {
        if (notFound(error)) return 'already';
        if (error instanceof MattermostRequestError && error.status === 400 && error.mattermostId === 'api.channel.delete_channel.deleted.app_error') return 'already';
        throw error;
      }
    },

    async stats(channelId) {
      const stats = statsSchema.parse(await request('GET', `/channels/${path(channelId)}/stats?exclude_files_count=true`));
      return {memberCount: stats.member_count, guestCount: stats.guest_count};
    },

    async members(channelId, limit) {
      const {botUserId} = await current();
      const found: ChannelMemberInfo[] = [];
      for (let page = 0; ; page += 1) {
        const batch = z.array(memberSchema).parse(await request('GET', `/channels/${path(channelId)}/members?page=${page}&per_page=${MEMBERS_PAGE}`));
        for (const member of batch) {
          if (member.user_id === botUserId) continue;
          found.push({userId: member.user_id, guest: member.scheme_guest || member.roles.split(' ').includes('channel_guest')});
        }
        if (found.length > limit) return {members: found.slice(0, limit), more: true};
        if (batch.length < MEMBERS_PAGE) return {members: found, more: false};
      }
    },

    async sendEphemeral(userId, channelId, post) {
      return postSchema.parse(await request('POST', '/posts/ephemeral', {user_id: userId, post: {channel_id: channelId, message: post.message, props: post.props ?? {}}}));
    },

    async defaultLocale() {
      const {url} = await current();
      if (locale && locale.url === url && now() - locale.at < localeTtl) return locale.value;
      const config = clientConfigSchema.parse(await request('GET', '/config/client?format=old'));
      locale = {value: config.DefaultClientLocale || 'en', at: now(), url};
      return locale.value;
    },
  };
}
