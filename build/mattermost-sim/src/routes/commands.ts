import type {FastifyInstance, FastifyRequest} from 'fastify';
import {z} from 'zod';
import {requireCaller, type Caller} from '../auth';
import type {SimContext} from '../context';
import {MmError} from '../errors';
import {isValidId} from '../ids';
import type {RouteModule} from '../server';
import type {Command} from '../store/entities';
import {executeCommand} from '../services/commandExecution';
import {presentCommandResponse} from '../services/commandResponseModel';
import {
  commandBodySchema,
  createCommand,
  deleteCommand,
  findCommand,
  presentCommand,
  regenerateCommandToken,
  teamCommands,
  updateCommand,
  commandsDisabled,
} from '../services/commands';
import {decodeGoBodyOrThrow, goString} from '../services/goJson';
import {hasSystemPermission, hasChannelPermission, hasTeamPermission, isTeamMember, permissionError} from '../services/integrationPermissions';
import {commandWebhookRoutes} from './commandWebhookRoute';
import {requireIdParam, STATUS_OK} from './integrationRouteParams';

// Custom slash commands, as server/channels/api4/command.go serves them.
// Listing without custom_only (which adds the built-in commands) is not simulated.

type CommandParams = {Params: {command_id: string}};

const commandNotFound = () => new MmError(404, 'store.sql_command.save.get.app_error', 'Unable to get the command.');

const commandArgsSchema = z.object({
  user_id: goString,
  channel_id: goString,
  team_id: goString,
  root_id: goString,
  parent_id: goString,
  trigger_id: goString,
  command: goString,
});

/** strconv.ParseBool; anything it rejects counts as false, as api4 ignores the error. */
const parseGoBool = (value: string | undefined) => ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value ?? '');

/**
 * The lookup and permission sequence shared by get/update/delete/regen:
 * any lookup failure, and lacking manage_own_slash_commands on the team,
 * answer "not found" so a command's existence does not leak.
 */
function commandCallerMayManage(ctx: SimContext, caller: Caller, commandId: string, othersDenied: 'not_found' | 'forbidden'): Command {
  const found = findCommand(ctx, commandId);
  if (found instanceof MmError) throw commandNotFound();
  if (!hasTeamPermission(ctx, caller.user, found.team_id, 'manage_own_slash_commands')) throw commandNotFound();
  if (caller.user.id !== found.creator_id && !hasTeamPermission(ctx, caller.user, found.team_id, 'manage_others_slash_commands')) {
    throw othersDenied === 'not_found' ? commandNotFound() : permissionError(caller.user, 'manage_others_slash_commands');
  }
  return found;
}

function registerCrud(app: FastifyInstance, ctx: SimContext): void {
  app.post('/api/v4/commands', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    const body = decodeGoBodyOrThrow(commandBodySchema, request.body, 'command');
    if (!hasTeamPermission(ctx, caller.user, body.team_id, 'manage_own_slash_commands')) throw permissionError(caller.user, 'manage_own_slash_commands');
    let creatorId = caller.user.id;
    if (body.creator_id !== '' && body.creator_id !== caller.user.id) {
      if (!hasTeamPermission(ctx, caller.user, body.team_id, 'manage_others_slash_commands')) throw permissionError(caller.user, 'manage_others_slash_commands');
      if (!ctx.store.users.has(body.creator_id)) throw new MmError(404, 'app.user.missing_account.const', 'Unable to find the user.');
      creatorId = body.creator_id;
    }
    const command = createCommand(ctx, body, creatorId);
    return reply.status(201).send(presentCommand(command));
  });

  app.get<{Querystring: {team_id?: string; custom_only?: string}}>('/api/v4/commands', async (request) => {
    const caller = requireCaller(ctx, request);
    const teamId = request.query.team_id ?? '';
    if (teamId === '') throw new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing team_id in request body.');
    if (!hasTeamPermission(ctx, caller.user, teamId, 'view_team')) throw permissionError(caller.user, 'view_team');
    if (!parseGoBool(request.query.custom_only)) {
      throw new MmError(501, 'sim.not_implemented', 'The Mattermost simulator does not implement GET /api/v4/commands without custom_only=true.', 'That listing includes the built-in commands, which are not simulated.');
    }
    if (!hasTeamPermission(ctx, caller.user, teamId, 'manage_own_slash_commands')) throw permissionError(caller.user, 'manage_own_slash_commands');
    if (!ctx.config.ServiceSettings.EnableCommands) throw commandsDisabled();
    const seesOthers = hasTeamPermission(ctx, caller.user, teamId, 'manage_others_slash_commands');
    return teamCommands(ctx, teamId)
      .filter((command) => seesOthers || command.creator_id === caller.user.id)
      .map(presentCommand);
  });

  app.get<CommandParams>('/api/v4/commands/:command_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const commandId = requireIdParam(request.params.command_id, 'command_id');
    const found = findCommand(ctx, commandId);
    if (found instanceof MmError || !hasTeamPermission(ctx, caller.user, found.team_id, 'view_team')) throw commandNotFound();
    return presentCommand(commandCallerMayManage(ctx, caller, commandId, 'not_found'));
  });

  app.put<CommandParams>('/api/v4/commands/:command_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const commandId = requireIdParam(request.params.command_id, 'command_id');
    const body = decodeGoBodyOrThrow(commandBodySchema, request.body, 'command');
    if (body.id !== commandId) throw new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing command in request body.');
    const existing = findCommand(ctx, commandId);
    if (existing instanceof MmError) throw commandNotFound();
    if (body.team_id !== existing.team_id) {
      throw new MmError(400, 'api.command.team_mismatch.app_error', 'Unable to update commands across teams.', `user_id=${caller.user.id}`);
    }
    return presentCommand(updateCommand(ctx, commandCallerMayManage(ctx, caller, commandId, 'forbidden'), body));
  });

  app.delete<CommandParams>('/api/v4/commands/:command_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const commandId = requireIdParam(request.params.command_id, 'command_id');
    deleteCommand(ctx, commandCallerMayManage(ctx, caller, commandId, 'forbidden'));
    return STATUS_OK;
  });

  app.put<CommandParams>('/api/v4/commands/:command_id/regen_token', async (request) => {
    const caller = requireCaller(ctx, request);
    const commandId = requireIdParam(request.params.command_id, 'command_id');
    const command = regenerateCommandToken(ctx, commandCallerMayManage(ctx, caller, commandId, 'forbidden'));
    return {token: command.token};
  });
}

/**
 * api4 executeCommand: the caller must be able to post in the channel; in a
 * DM/GM the team comes from the request and the caller must belong to it
 * (or hold create_post system-wide); otherwise the channel's team is used.
 */
async function handleExecute(ctx: SimContext, request: FastifyRequest) {
  const caller = requireCaller(ctx, request);
  const args = decodeGoBodyOrThrow(commandArgsSchema, request.body, 'command_args');
  if (Buffer.byteLength(args.command) <= 1 || !args.command.startsWith('/') || !isValidId(args.channel_id)) {
    throw new MmError(400, 'api.command.execute_command.start.app_error', 'No command trigger found.');
  }
  if (!hasChannelPermission(ctx, caller.user, args.channel_id, 'create_post')) throw permissionError(caller.user, 'create_post');
  const channel = ctx.store.channels.get(args.channel_id);
  if (!channel) throw new MmError(404, 'app.channel.get.existing.app_error', `Unable to find the existing channel ${args.channel_id}.`);
  if (channel.delete_at !== 0) throw new MmError(400, 'api.command.execute_command.deleted.error', 'Can not run command in deleted channel.');
  let teamId = args.team_id;
  if (channel.type === 'O' || channel.type === 'P') teamId = channel.team_id;
  else if (!isTeamMember(ctx, args.team_id, caller.user.id) && !hasSystemPermission(caller.user, 'create_post')) throw permissionError(caller.user, 'create_post');
  const response = await executeCommand(ctx, caller.user, {userId: caller.user.id, channelId: args.channel_id, teamId, rootId: args.root_id, command: args.command});
  return presentCommandResponse(response);
}

export const commandsRoutes: RouteModule = (app, ctx) => {
  registerCrud(app, ctx);
  app.post('/api/v4/commands/execute', (request) => handleExecute(ctx, request));
  commandWebhookRoutes(app, ctx);
};
