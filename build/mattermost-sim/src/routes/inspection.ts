import type {FastifyRequest} from 'fastify';
import {MmError} from '../errors';
import {queryParams} from '../request';
import type {RouteModule} from '../server';
import {presentPost} from '../services/posts';
import type {User} from '../store/entities';
import {channelMemberIds, findUserByUsername} from '../store/store';
import {loopbackOnly} from './loopbackOnly';

// NOT PART OF MATTERMOST. The simulator's inspection API for tests and the
// sandbox, kept apart from /api/v4 under /__sim/: no authentication, and only
// answered on loopback so it cannot leak beyond the machine.
//
//   GET  /__sim/dms?user=<username>           posts others sent the user in DMs, oldest first
//   GET  /__sim/ephemerals?user=<username>    ephemeral posts delivered to the user, oldest first
//   GET  /__sim/integration-requests          outgoing calls to command/action/dialog URLs
//   POST /__sim/reset-inspection              forgets ephemerals and integration requests

export const inspectionRoutes: RouteModule = (app, ctx) => {
  const userFromQuery = (request: FastifyRequest): User => {
    const username = queryParams(request).user ?? '';
    if (username === '') throw new MmError(400, 'sim.inspection.user_required', 'Give ?user=<username>.');
    const user = findUserByUsername(ctx.store, username);
    if (!user) throw new MmError(404, 'sim.inspection.unknown_user', `No user named ${username}.`);
    return user;
  };

  app.get('/__sim/dms', {onRequest: loopbackOnly}, async (request) => {
    const user = userFromQuery(request);
    const dmChannelIds = new Set([...ctx.store.channels.values()].filter((channel) => channel.type === 'D' && channelMemberIds(ctx.store, channel.id).includes(user.id)).map((channel) => channel.id));
    return [...ctx.store.posts.values()]
      .filter((post) => dmChannelIds.has(post.channel_id) && post.user_id !== user.id && post.delete_at === 0)
      .sort((a, b) => a.create_at - b.create_at)
      .map(presentPost);
  });

  app.get('/__sim/ephemerals', {onRequest: loopbackOnly}, async (request) => {
    const user = userFromQuery(request);
    return ctx.inspection.ephemerals.filter((entry) => entry.user_id === user.id).map((entry) => presentPost(entry.post));
  });

  app.get('/__sim/integration-requests', {onRequest: loopbackOnly}, async () => ctx.inspection.integrationRequests);

  app.post('/__sim/reset-inspection', {onRequest: loopbackOnly}, async () => {
    // Emptied in place: other modules hold these arrays.
    ctx.inspection.ephemerals.length = 0;
    ctx.inspection.integrationRequests.length = 0;
    return {status: 'OK'};
  });
};
