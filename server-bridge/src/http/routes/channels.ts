import type {FastifyInstance} from 'fastify';
import {z} from 'zod';
import {API_V1, channelId, channelSettingsPatchSchema} from '../../contract';
import type {ChannelSettingsService} from '../../domain/channels/channelSettingsService';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// /api/v1/channels/{channelId}/settings — thin routes: parse → caller → one
// service call (which authorizes) → present.

const channelParams = z.object({channelId});

export function registerChannelRoutes(server: FastifyInstance, deps: () => {channelSettings: ChannelSettingsService}): void {
  const path = `${API_V1}/channels/:channelId/settings`;

  server.get(path, async (request) => {
    const params = parseRequest(channelParams, request.params, 'params');
    return deps().channelSettings.get(callerOf(request), params.channelId);
  });

  server.patch(path, async (request) => {
    const params = parseRequest(channelParams, request.params, 'params');
    const body = parseRequest(channelSettingsPatchSchema, request.body, 'body');
    return deps().channelSettings.update(callerOf(request), params.channelId, body);
  });
}
