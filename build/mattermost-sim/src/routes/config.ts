import {requireCaller, resolveCaller} from '../auth';
import {MmError} from '../errors';
import {applyConfigPatch, clientConfig, configPatchSchema, replaceConfig, type SimConfig} from '../config';
import {parseBody, queryParams} from '../request';
import type {RouteModule} from '../server';
import {hasPermission, requirePermission} from '../services/permissions';

// /api/v4/config (api4/config.go getConfig, updateConfig, patchConfig,
// getClientConfig). The simulator's config is the SimConfig subset.

export const configRoutes: RouteModule = (app, ctx) => {
  /** Both PUTs refuse to clear a SiteURL that is set. */
  const save = (next: SimConfig): SimConfig => {
    if (ctx.config.ServiceSettings.SiteURL !== '' && next.ServiceSettings.SiteURL === '') {
      throw new MmError(400, 'api.config.update_config.clear_siteurl.app_error', 'Site URL cannot be cleared.');
    }
    ctx.config = next;
    return next;
  };

  app.get('/api/v4/config', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    requirePermission(hasPermission(caller.user, 'manage_system'), caller.user, 'manage_system');
    void reply.header('Cache-Control', 'no-cache, no-store, must-revalidate');
    return ctx.config;
  });

  app.put('/api/v4/config', async (request) => {
    const caller = requireCaller(ctx, request);
    const body = parseBody(configPatchSchema, request.body, 'config');
    requirePermission(hasPermission(caller.user, 'manage_system'), caller.user, 'manage_system');
    return save(replaceConfig(body));
  });

  app.put('/api/v4/config/patch', async (request) => {
    const caller = requireCaller(ctx, request);
    const body = parseBody(configPatchSchema, request.body, 'config');
    requirePermission(hasPermission(caller.user, 'manage_system'), caller.user, 'manage_system');
    return save(applyConfigPatch(ctx.config, body));
  });

  app.get('/api/v4/config/client', async (request) => {
    const caller = resolveCaller(ctx, request);
    const format = queryParams(request).format ?? '';
    if (format === '') throw new MmError(501, 'api.config.client.old_format.app_error', 'New format for the client configuration is not supported yet. Please specify format=old in the query string.');
    if (format !== 'old') throw new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing format in request body.');
    return clientConfig(ctx.config, ctx.serverVersion, caller === undefined);
  });
};
