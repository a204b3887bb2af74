import {apiTokenCreateSchema, formatZodIssues} from '../contract';
import type {ApiTokenService} from '../domain/tokens/apiTokenService';
import type {Caller} from '../domain/tasks/task';
import type {Translate} from '../i18n/translate';
import type {ParsedCommand} from './grammar';

// `/task admin tokens create|list|revoke`: API tokens for business systems,
// for Mattermost system admins (the token service refuses everyone else).
// The new token appears only in the reply, which Mattermost shows to the
// admin alone (commands answer ephemerally) and does not store.

export type AdminTokenCommand = Extract<ParsedCommand, {kind: 'admin_tokens_create' | 'admin_tokens_list' | 'admin_tokens_revoke'}>;

export interface AdminCommandInput {
  caller: Caller;
  t: Translate;
  /** Channel name → id, from the command request's channel_mentions (Mattermost resolves ~names of public channels). */
  channelMentions?: ReadonlyMap<string, string>;
}

const CHANNEL_ID = /^[a-z0-9]{26}$/;

export async function carryOutAdminTokens(command: AdminTokenCommand, {caller, t, channelMentions}: AdminCommandInput, apiTokens: Pick<ApiTokenService, 'create' | 'list' | 'revoke'> | undefined): Promise<string> {
  if (!apiTokens) return t('command.admin.unavailable');
  switch (command.kind) {
    case 'admin_tokens_list': {
      const tokens = await apiTokens.list(caller);
      if (tokens.length === 0) return `#### ${t('command.admin.list_title')}\n${t('command.admin.list_empty')}`;
      const lines = tokens.map((token) => {
        const line = t('command.admin.list_line', {
          id: token.id,
          name: token.name,
          scopes: token.scopes.join(', '),
          channels: token.channelIds ? token.channelIds.map((id) => `\`${id}\``).join(', ') : t('command.admin.all_channels'),
          created: day(token.createdAt),
          lastUsed: token.lastUsedAt ? day(token.lastUsedAt) : t('command.admin.never'),
        });
        return `- ${line}${token.revokedAt ? ` · ${t('command.admin.revoked_on', {date: day(token.revokedAt)})}` : ''}`;
      });
      return [`#### ${t('command.admin.list_title')}`, ...lines].join('\n');
    }
    case 'admin_tokens_revoke': {
      const token = await apiTokens.revoke(caller, command.id);
      return t('command.admin.revoked', {name: token.name, id: token.id});
    }
    case 'admin_tokens_create': {
      const channelIds: string[] = [];
      for (const channel of command.channels ?? []) {
        const id = channel.startsWith('~') ? channelMentions?.get(channel.slice(1).toLowerCase()) : CHANNEL_ID.test(channel) ? channel : undefined;
        if (!id) return `${t('command.admin.unknown_channel', {channel})} ${t('command.admin.usage')}`;
        channelIds.push(id);
      }
      const parsed = apiTokenCreateSchema.safeParse({name: command.name, scopes: command.scopes, channelIds: command.channels ? channelIds : null});
      if (!parsed.success) return `${t('command.admin.invalid', {problems: formatZodIssues(parsed.error).join('; ')})} ${t('command.admin.usage')}`;
      const {record, token} = await apiTokens.create(caller, parsed.data);
      return t('command.admin.created', {name: record.name, id: record.id, token});
    }
  }
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
