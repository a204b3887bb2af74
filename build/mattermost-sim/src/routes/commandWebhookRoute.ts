import type {FastifyInstance} from 'fastify';
import type {SimContext} from '../context';
import {MmError} from '../errors';
import {parseCommandResponse} from '../services/commandResponseModel';
import {handleCommandResponse} from '../services/commandResponses';
import {findCommandWebhook, useCommandWebhook} from '../services/commandWebhooks';
import {routeSegment} from './integrationRouteParams';

// POST /hooks/commands/{id} — a slash command's response_url
// (server/channels/web/webhook.go commandWebhook, app/webhook.go
// HandleCommandWebhook). No session: the hook id is the credential. The body
// is a CommandResponse (JSON when Content-Type is application/json, else the
// plain text of an ephemeral reply) handled as the original invocation's.
// Every failure is reported as web.command_webhook.general.app_error with the
// underlying status.

function generalError(hookId: string, cause: MmError): MmError {
  return new MmError(cause.statusCode, 'web.command_webhook.general.app_error', `Failed to handle command webhook ${hookId}.`, `${cause.id}: ${cause.message}`);
}

export function commandWebhookRoutes(app: FastifyInstance, ctx: SimContext): void {
  // The shared JSON parser would reject plain-text responses: this route reads the raw body.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', {parseAs: 'string'}, (_request, body, done) => done(null, body));
    scope.post<{Params: {id: string}}>('/hooks/commands/:id', async (request, reply) => {
      const hookId = routeSegment(request.params.id);
      const raw = typeof request.body === 'string' ? request.body : '';
      const parsed = parseCommandResponse(request.headers['content-type'] ?? '', raw);
      if (!parsed.ok) {
        throw new MmError(400, 'web.command_webhook.parse.app_error', `Unable to parse incoming data for webhook ${hookId}.`, parsed.reason);
      }
      try {
        const hook = findCommandWebhook(ctx, hookId);
        const command = ctx.store.commands.get(hook.commandId);
        if (!command || command.delete_at !== 0) {
          throw new MmError(400, 'web.command_webhook.command.app_error', `Couldn't find the command ${hook.commandId}.`);
        }
        useCommandWebhook(hook);
        handleCommandResponse(ctx, command, {userId: hook.userId, channelId: hook.channelId, teamId: command.team_id, rootId: hook.rootId, command: ''}, parsed.response);
      } catch (error) {
        throw error instanceof MmError ? generalError(hookId, error) : error;
      }
      return reply.type('text/plain').send('ok');
    });
  });
}
