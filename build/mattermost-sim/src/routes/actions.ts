import {z} from 'zod';
import {requireCaller} from '../auth';
import {MmError} from '../errors';
import type {RouteModule} from '../server';
import {decryptCookie, postActionCookieSchema, type PostActionCookie} from '../services/actionCookies';
import {decodeGoBody, goString} from '../services/goJson';
import {canReadChannel, hasChannelPermissionByPost, permissionError} from '../services/integrationPermissions';
import {actionIntegrationError, doPostAction} from '../services/postActions';
import {requireIdParam, routeSegment} from './integrationRouteParams';

// POST /api/v4/posts/{post_id}/actions/{action_id} — a click on an
// interactive message button or menu (server/channels/api4/
// integration_action.go doPostAction). The route only matches alphanumeric
// action ids: an action whose id holds `_` or `-` cannot be clicked in
// Mattermost (404 from the router), and the simulator refuses it the same way.

const doPostActionRequestSchema = z.object({selected_option: goString, cookie: goString});

export const actionsRoutes: RouteModule = (app, ctx) => {
  app.post<{Params: {post_id: string; action_id: string}}>('/api/v4/posts/:post_id/actions/:action_id', async (request) => {
    routeSegment(request.params.post_id);
    const actionId = routeSegment(request.params.action_id);
    const caller = requireCaller(ctx, request);
    const postId = requireIdParam(request.params.post_id, 'post_id');
    // Mattermost only logs a body it cannot decode and carries on with no option and no cookie.
    const decoded = decodeGoBody(doPostActionRequestSchema, request.body);
    const {selected_option: selectedOption, cookie: sealedCookie} = decoded.ok ? decoded.value : {selected_option: '', cookie: ''};

    let cookie: PostActionCookie | null = null;
    if (sealedCookie !== '') {
      let parsed: ReturnType<typeof postActionCookieSchema.safeParse>;
      try {
        parsed = postActionCookieSchema.safeParse(JSON.parse(decryptCookie(ctx, sealedCookie)));
      } catch (error) {
        throw actionIntegrationError((error as Error).message);
      }
      if (!parsed.success) throw actionIntegrationError('invalid cookie');
      cookie = parsed.data;
      const channel = ctx.store.channels.get(cookie.channel_id);
      if (!channel) throw new MmError(404, 'app.channel.get.existing.app_error', `Unable to find the existing channel ${cookie.channel_id}.`);
      if (!canReadChannel(ctx, caller.user, channel)) throw permissionError(caller.user, 'read_channel_content');
    } else if (!hasChannelPermissionByPost(ctx, caller.user, postId, 'read_channel_content')) {
      throw permissionError(caller.user, 'read_channel_content');
    }

    const triggerId = await doPostAction(ctx, caller.user, {postId, actionId, selectedOption, cookie});
    return {status: 'OK', trigger_id: triggerId};
  });
};
