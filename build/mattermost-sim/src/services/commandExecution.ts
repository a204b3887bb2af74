import type {SimContext} from '../context';
import {MmError} from '../errors';
import type {Command, User} from '../store/entities';
import {encodeFormValues} from '../outbound/goEncoding';
import {IntegrationRequestError, sendIntegrationRequest} from '../outbound/integrationHttp';
import {addMentionValues, mentionsToPublicChannels, mentionsToTeamMembers} from './commandMentions';
import {parseCommandResponse, type CommandResponse} from './commandResponseModel';
import {handleCommandResponse, type CommandInvocation} from './commandResponses';
import {BUILT_IN_TRIGGERS, commandsDisabled, teamCommands} from './commands';
import {createCommandWebhook} from './commandWebhooks';
import {issueTriggerId} from './triggers';

// Running a slash command (server/channels/app/command.go ExecuteCommand,
// tryExecuteCustomCommand, DoCommandRequest). Built-in commands are not
// simulated: their triggers answer 501 instead of pretending.

/** app.MaxIntegrationResponseSize: the body is cut there (io.LimitReader), not refused. */
export const MAX_INTEGRATION_RESPONSE_BYTES = 1024 * 1024;
const MAX_TRIGGER_LENGTH_IN_ERRORS = 512;

const failed = (trigger: string, detail: string) =>
  new MmError(500, 'api.command.execute_command.failed.app_error', `Command with a trigger of '${trigger}' failed.`, detail);

/** Splits at the first Unicode whitespace; the text keeps everything after that one character. */
function splitCommandLine(line: string): {trigger: string; message: string} {
  const index = line.search(/\s/u);
  return index === -1 ? {trigger: line, message: ''} : {trigger: line.slice(0, index), message: line.slice(index + 1)};
}

function commandUrl(command: Command, encodedValues: string): string {
  if (command.method !== 'G') return command.url;
  const url = new URL(command.url);
  const rawQuery = url.search.replace(/^\?/, '');
  url.search = rawQuery === '' ? encodedValues : `${rawQuery}&${encodedValues}`;
  return url.toString();
}

async function doCommandRequest(ctx: SimContext, command: Command, values: Map<string, string[]>): Promise<CommandResponse> {
  const encoded = encodeFormValues(values);
  const headers: Record<string, string> = {Accept: 'application/json'};
  if (command.token !== '') headers.Authorization = `Token ${command.token}`;
  if (command.method === 'P') headers['Content-Type'] = 'application/x-www-form-urlencoded';
  let reply;
  try {
    reply = await sendIntegrationRequest(ctx, {
      kind: 'command',
      method: command.method === 'G' ? 'GET' : 'POST',
      url: commandUrl(command, encoded),
      headers,
      ...(command.method === 'G' ? {} : {body: encoded}),
      maxResponseBytes: MAX_INTEGRATION_RESPONSE_BYTES,
    });
  } catch (error) {
    if (error instanceof IntegrationRequestError) throw failed(command.trigger, error.message);
    throw error;
  }
  const body = reply.body.toString('utf8');
  if (reply.statusCode !== 200) {
    throw new MmError(500, 'api.command.execute_command.failed_resp.app_error', `Command with a trigger of '${command.trigger}' returned response ${reply.status}.`, body);
  }
  const parsed = parseCommandResponse(reply.contentType, body);
  if (!parsed.ok) throw failed(command.trigger, parsed.reason);
  return parsed.response;
}

interface CustomCommandRun {
  command: Command;
  response: CommandResponse;
}

async function tryExecuteCustomCommand(ctx: SimContext, user: User, invocation: CommandInvocation, trigger: string, message: string, signedTriggerId: string): Promise<CustomCommandRun | undefined> {
  if (!ctx.config.ServiceSettings.EnableCommands) throw commandsDisabled();
  const team = ctx.store.teams.get(invocation.teamId);
  if (!team) throw new MmError(404, 'app.team.get.find.app_error', 'Unable to find the existing team.');
  const channel = ctx.store.channels.get(invocation.channelId);
  if (!channel) throw new MmError(404, 'app.channel.get.existing.app_error', `Unable to find the existing channel ${invocation.channelId}.`);
  const command = teamCommands(ctx, invocation.teamId).findLast((candidate) => candidate.trigger === trigger);
  if (!command) return undefined;

  const values = new Map<string, string[]>([
    ['token', [command.token]],
    ['team_id', [command.team_id]],
    ['team_domain', [team.name]],
    ['channel_id', [invocation.channelId]],
    ['channel_name', [channel.name]],
    ['user_id', [user.id]],
    ['user_name', [user.username]],
    ['command', [`/${trigger}`]],
    ['text', [message]],
    ['trigger_id', [signedTriggerId]],
    ['root_id', [invocation.rootId]],
  ]);
  addMentionValues(values, mentionsToTeamMembers(ctx, message, team.id), 'user_mentions', 'user_mentions_ids');
  addMentionValues(values, mentionsToPublicChannels(ctx, message, team.id), 'channel_mentions', 'channel_mentions_ids');

  // The configured SiteURL, never the request's Host (MM-67142).
  const siteUrl = ctx.config.ServiceSettings.SiteURL;
  if (siteUrl === '') throw new MmError(400, 'api.command.execute_command.site_url_required.app_error', 'SiteURL must be configured to use slash commands');
  const hook = createCommandWebhook(ctx, {commandId: command.id, userId: user.id, channelId: invocation.channelId, rootId: invocation.rootId});
  values.set('response_url', [`${siteUrl}/hooks/commands/${hook.id}`]);

  return {command, response: await doCommandRequest(ctx, command, values)};
}

/** app.ExecuteCommand: returns the CommandResponse the client receives. */
export async function executeCommand(ctx: SimContext, user: User, invocation: CommandInvocation): Promise<CommandResponse> {
  const split = splitCommandLine(invocation.command);
  const message = split.message;
  let trigger = split.trigger.toLowerCase();
  if (!trigger.startsWith('/')) {
    throw new MmError(400, 'api.command.execute_command.format.app_error', 'Command trigger word is missing the leading slash character');
  }
  trigger = trigger.slice(1);
  const issued = issueTriggerId(ctx, user.id);

  const run = await tryExecuteCustomCommand(ctx, user, invocation, trigger, message, issued.triggerId);
  if (run) {
    run.response.trigger_id = issued.clientTriggerId;
    return handleCommandResponse(ctx, run.command, invocation, run.response);
  }
  if (BUILT_IN_TRIGGERS.has(trigger)) {
    throw new MmError(501, 'sim.not_implemented', `The Mattermost simulator does not run the built-in command /${trigger}.`, 'Built-in slash commands are not simulated; only custom commands are.');
  }
  const shown = trigger.length > MAX_TRIGGER_LENGTH_IN_ERRORS ? `${trigger.slice(0, MAX_TRIGGER_LENGTH_IN_ERRORS)}...` : trigger;
  throw new MmError(
    404,
    'api.command.execute_command.not_found.app_error',
    `Command with a trigger of '${shown}' not found. To send a message beginning with "/", try adding an empty space at the beginning of the message.`,
  );
}
