import {z} from 'zod';
import type {SimContext} from '../context';
import {MmError} from '../errors';
import {isValidId} from '../ids';
import type {Command} from '../store/entities';
import {goBool, goInt, goString} from './goJson';

// Custom slash commands: storage rules of server/channels/app/command.go
// (createCommand, UpdateCommand, RegenCommandToken, DeleteCommand,
// validateCommandTriggerUniqueness), store/sqlstore/command_store.go and
// server/public/model/command.go (IsValid, PreSave).

/** model.Command as a request body decodes it (autocomplete_data is not stored by the simulator). */
export const commandBodySchema = z.object({
  id: goString,
  token: goString,
  create_at: goInt,
  update_at: goInt,
  delete_at: goInt,
  creator_id: goString,
  team_id: goString,
  trigger: goString,
  method: goString,
  username: goString,
  icon_url: goString,
  auto_complete: goBool,
  auto_complete_desc: goString,
  auto_complete_hint: goString,
  display_name: goString,
  description: goString,
  url: goString,
  plugin_id: goString,
  autocomplete_data: z.record(z.string(), z.unknown()).nullish(),
});

export type CommandBody = z.output<typeof commandBodySchema>;

/**
 * Triggers of the built-in commands registered by server/channels/app/
 * slashcommands on a default server; a custom command cannot take one
 * (validateCommandTriggerUniqueness) and the simulator does not run them.
 */
export const BUILT_IN_TRIGGERS: ReadonlySet<string> = new Set([
  'away', 'code', 'collapse', 'dnd', 'echo', 'expand', 'groupmsg', 'header', 'help', 'invite', 'invite_people',
  'join', 'kick', 'leave', 'logout', 'marketplace', 'me', 'msg', 'mute', 'offline', 'online', 'open', 'purpose',
  'remove', 'rename', 'search', 'settings', 'shortcuts', 'shrug', 'status',
]);

export const commandsDisabled = () => new MmError(501, 'api.command.disabled.app_error', 'Commands have been disabled by the system admin.');

const invalid = (field: string, message: string, detail = '') => new MmError(400, `model.command.is_valid.${field}.app_error`, message, detail);

/** model.IsValidHTTPURL. */
export function isValidHttpUrl(raw: string): boolean {
  if (!raw.startsWith('http://') && !raw.startsWith('https://')) return false;
  try {
    return new URL(raw).host !== '';
  } catch {
    return false;
  }
}

const byteLength = (value: string) => Buffer.byteLength(value, 'utf8');

/** model.Command.IsValid, in Mattermost's order. Lengths are in bytes, as Go's len(). */
export function validateCommand(command: Command & {plugin_id: string}): void {
  if (!isValidId(command.id)) throw invalid('id', 'Invalid Id.');
  if (byteLength(command.token) !== 26) throw invalid('token', 'Invalid token.');
  if (command.create_at === 0) throw invalid('create_at', 'Create at must be a valid time.');
  if (command.update_at === 0) throw invalid('update_at', 'Update at must be a valid time.');
  if (command.creator_id === '' && command.plugin_id === '') throw invalid('plugin_id', 'Invalid plugin id.');
  if (command.plugin_id === '' && !isValidId(command.creator_id)) throw invalid('user_id', 'Invalid user id.');
  if (command.creator_id !== '' && command.plugin_id !== '') throw invalid('plugin_id', 'Invalid plugin id.', 'command cannot have both a CreatorId and a PluginId');
  if (!isValidId(command.team_id)) throw invalid('team_id', 'Invalid team ID.');
  const triggerBytes = byteLength(command.trigger);
  if (triggerBytes < 1 || triggerBytes > 128 || command.trigger.startsWith('/') || command.trigger.includes(' ')) throw invalid('trigger', 'Invalid trigger.');
  if (command.url === '' || byteLength(command.url) > 1024) throw invalid('url', 'Invalid URL.');
  if (!isValidHttpUrl(command.url)) throw invalid('url_http', 'Invalid URL. Must be a valid URL and start with http:// or https://.');
  if (command.method !== 'P' && command.method !== 'G') throw invalid('method', 'Invalid Method.');
  if (byteLength(command.display_name) > 64) throw invalid('display_name', 'Invalid title.');
  if (byteLength(command.description) > 128) throw invalid('description', 'Invalid description.');
}

/** The team's commands that are not deleted (CommandStore.GetByTeam). */
export function teamCommands(ctx: SimContext, teamId: string): Command[] {
  return [...ctx.store.commands.values()].filter((command) => command.team_id === teamId && command.delete_at === 0);
}

function ensureTriggerIsFree(ctx: SimContext, teamId: string, trigger: string, exceptId: string): void {
  const wanted = trigger.toLowerCase();
  const taken = BUILT_IN_TRIGGERS.has(wanted) || teamCommands(ctx, teamId).some((command) => command.id !== exceptId && command.trigger.toLowerCase() === wanted);
  if (taken) throw new MmError(400, 'api.command.duplicate_trigger.app_error', 'This trigger word is already in use. Please choose another word.');
}

function commandFromBody(body: CommandBody): Command & {plugin_id: string} {
  const {autocomplete_data: _autocompleteData, ...fields} = body;
  return {...fields, method: body.method as Command['method']};
}

/** app.createCommand then SqlCommandStore.Save (PreSave keeps a client-given token, overwrites the times). */
export function createCommand(ctx: SimContext, body: CommandBody, creatorId: string): Command {
  if (!ctx.config.ServiceSettings.EnableCommands) throw commandsDisabled();
  const trigger = body.trigger.toLowerCase();
  ensureTriggerIsFree(ctx, body.team_id, trigger, '');
  if (body.id !== '') throw new MmError(500, 'app.command.createcommand.internal_error', 'Unable to save the command.', `invalid input: entity: Command field: CommandId value: ${body.id}`);
  const now = ctx.now();
  const command = {...commandFromBody(body), id: ctx.ids(), token: body.token === '' ? ctx.ids() : body.token, trigger, creator_id: creatorId, create_at: now, update_at: now};
  validateCommand(command);
  const {plugin_id: _pluginId, ...stored} = command;
  ctx.store.commands.set(stored.id, stored);
  return stored;
}

/** app.UpdateCommand: the body replaces the command, except what identifies and owns it. */
export function updateCommand(ctx: SimContext, existing: Command, body: CommandBody): Command {
  if (!ctx.config.ServiceSettings.EnableCommands) throw commandsDisabled();
  const updated = {
    ...commandFromBody(body),
    trigger: body.trigger.toLowerCase(),
    id: existing.id,
    token: existing.token,
    create_at: existing.create_at,
    update_at: ctx.now(),
    delete_at: existing.delete_at,
    creator_id: existing.creator_id,
    plugin_id: '',
    team_id: existing.team_id,
  };
  ensureTriggerIsFree(ctx, updated.team_id, updated.trigger, updated.id);
  validateCommand(updated);
  const {plugin_id: _pluginId, ...stored} = updated;
  ctx.store.commands.set(stored.id, stored);
  return stored;
}

export function regenerateCommandToken(ctx: SimContext, command: Command): Command {
  if (!ctx.config.ServiceSettings.EnableCommands) throw commandsDisabled();
  const updated = {...command, token: ctx.ids(), update_at: ctx.now()};
  ctx.store.commands.set(updated.id, updated);
  return updated;
}

export function deleteCommand(ctx: SimContext, command: Command): void {
  if (!ctx.config.ServiceSettings.EnableCommands) throw commandsDisabled();
  const now = ctx.now();
  ctx.store.commands.set(command.id, {...command, delete_at: now, update_at: now});
}

/** app.GetCommand: a deleted command is not found. */
export function findCommand(ctx: SimContext, commandId: string): Command | MmError {
  if (!ctx.config.ServiceSettings.EnableCommands) return commandsDisabled();
  const command = ctx.store.commands.get(commandId);
  if (!command || command.delete_at !== 0) {
    return new MmError(404, 'store.sql_command.get.missing.app_error', 'Command does not exist.');
  }
  return command;
}

/** json of a model.Command (plugin_id always present; autocomplete fields omitted when empty). */
export function presentCommand(command: Command): Command & {plugin_id: string} {
  return {...command, plugin_id: ''};
}
