import {timingSafeEqual} from 'node:crypto';
import type {FastifyInstance, FastifyRequest} from 'fastify';
import {z} from 'zod';
import {handleTaskCommand, type TaskCommandDeps} from '../../commands/taskCommand';
import type {Caller} from '../../domain/tasks/task';
import {AppError} from '../../errors';
import {translatorFor} from '../../i18n/translate';
import type {ConnectionSource} from '../../mattermost/connection';
import {isDatabaseUnavailable} from '../../storage/sqlPool';
import {type CommandResponse, presentCommandReply} from '../presenters/commandPresenter';

// POST /mattermost/command — where Mattermost sends every `/task`. Only a
// request carrying one of our command tokens is served (compared in constant
// time); the reply is in the caller's Mattermost locale.

const commandRequestSchema = z.object({
  token: z.string().min(1),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  team_id: z.string().default(''),
  command: z.string().default('/task'),
  text: z.string().default(''),
  // Lets the bridge open a dialog for the caller (`/task new` alone); valid for the integration timeout.
  trigger_id: z.string().default(''),
  // Repeated form keys arrive as arrays (formBody.ts); parallel lists.
  user_mentions: z.union([z.string(), z.array(z.string())]).optional(),
  user_mentions_ids: z.union([z.string(), z.array(z.string())]).optional(),
  // ~channel names Mattermost resolved (public channels), parallel lists like the user mentions.
  channel_mentions: z.union([z.string(), z.array(z.string())]).optional(),
  channel_mentions_ids: z.union([z.string(), z.array(z.string())]).optional(),
});

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export interface CommandRouteDeps {
  connection: ConnectionSource;
  /** The caller's Mattermost locale; `en` when it cannot be learned. */
  userLocale(userId: string): Promise<string>;
  /** Who is typing, as Mattermost knows them now (guest flag). */
  callerOf(userId: string): Promise<Caller>;
  commands: TaskCommandDeps;
}

export function registerCommandRoute(server: FastifyInstance, deps: () => CommandRouteDeps): void {
  server.post('/mattermost/command', async (request) => {
    // The caller's locale once known: a database outage is answered as text
    // in it, since Mattermost shows any 5xx only as "command failed".
    let locale = 'en';
    try {
      return await answerCommand(request, deps, (known) => (locale = known));
    } catch (error) {
      if (isDatabaseUnavailable(error)) return presentCommandReply({text: translatorFor(locale)('error.not_ready.database')});
      throw error;
    }
  });
}

async function answerCommand(request: FastifyRequest, deps: () => CommandRouteDeps, learnedLocale: (locale: string) => void): Promise<CommandResponse> {
  const parsed = commandRequestSchema.safeParse(request.body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? 'body';
    throw new AppError(400, 'baton.bad_request.command', `The command request lacks a valid ${field}.`, {field});
  }
  const {connection, userLocale} = deps();
  const headerToken = /^Token\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const known = (await connection.get())?.commandTokens ?? [];
  if (!known.some((token) => sameSecret(token, parsed.data.token)) || (headerToken !== undefined && !sameSecret(headerToken, parsed.data.token))) {
    throw new AppError(401, 'baton.unauthorized.command_token', 'This request does not carry a valid Baton command token; run `baton-bridge setup` again if the command was re-created.');
  }
  const locale = await userLocale(parsed.data.user_id);
  learnedLocale(locale);
  const t = translatorFor(locale);
  const names = asList(parsed.data.user_mentions);
  const ids = asList(parsed.data.user_mentions_ids);
  const mentions = new Map<string, string>();
  names.forEach((name, index) => {
    const id = ids[index];
    if (id) mentions.set(name.toLowerCase(), id);
  });
  const channelMentions = new Map<string, string>();
  const channelIds = asList(parsed.data.channel_mentions_ids);
  asList(parsed.data.channel_mentions).forEach((name, index) => {
    const id = channelIds[index];
    if (id) channelMentions.set(name.toLowerCase(), id);
  });
  const caller = await deps().callerOf(parsed.data.user_id);
  const input = {text: parsed.data.text, caller, mentions, channelMentions, t, locale, channelId: parsed.data.channel_id, ...(parsed.data.trigger_id ? {triggerId: parsed.data.trigger_id} : {})};
  return presentCommandReply(await handleTaskCommand(input, deps().commands));
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
