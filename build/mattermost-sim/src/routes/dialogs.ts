import {requireCaller} from '../auth';
import {MmError} from '../errors';
import type {RouteModule} from '../server';
import {openDialog, openDialogRequestSchema, submitDialog, submitDialogRequestSchema} from '../services/dialogs';
import {decodeGoBodyOrThrow} from '../services/goJson';
import {canReadChannel, hasTeamPermission, permissionError} from '../services/integrationPermissions';
import {STATUS_OK} from './integrationRouteParams';

// Interactive dialogs (server/channels/api4/integration_action.go openDialog,
// submitDialog).

const invalidUrl = () => new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing url in request body.');

export const dialogsRoutes: RouteModule = (app, ctx) => {
  // An integration calls this with its bot token, but Mattermost requires no
  // session (APIHandler): the trigger id alone says whose client opens the dialog.
  app.post('/api/v4/actions/dialogs/open', async (request) => {
    const body = decodeGoBodyOrThrow(openDialogRequestSchema, request.body, 'dialog');
    if (body.url === '') throw invalidUrl();
    openDialog(ctx, body);
    return STATUS_OK;
  });

  app.post('/api/v4/actions/dialogs/submit', async (request) => {
    const caller = requireCaller(ctx, request);
    const body = decodeGoBodyOrThrow(submitDialogRequestSchema, request.body, 'dialog');
    if (body.url === '') throw invalidUrl();
    const channel = ctx.store.channels.get(body.channel_id);
    if (!channel) throw new MmError(404, 'app.channel.get.existing.app_error', `Unable to find the existing channel ${body.channel_id}.`);
    if (!canReadChannel(ctx, caller.user, channel)) throw permissionError(caller.user, 'read_channel_content');
    if (!hasTeamPermission(ctx, caller.user, body.team_id, 'view_team')) throw permissionError(caller.user, 'view_team');
    return submitDialog(ctx, caller.user, body);
  });
};
