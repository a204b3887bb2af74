import {readFile, stat} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';
import type {FastifyReply} from 'fastify';
import {requireCaller, resolveCaller} from '../auth';
import {MmError} from '../errors';
import {pathParams} from '../request';
import type {RouteModule} from '../server';
import {hasPermission, requirePermission} from '../services/permissions';
import {clientManifest, readBundle} from '../services/plugins';
import {STATUS_OK} from './integrationRouteParams';

// What the webapp's plugin host uses: GET /api/v4/plugins/webapp (api4/plugin.go
// getWebappPlugins, no session needed), the bundles under /static/plugins/
// (web/static.go), and each plugin's public/ files at /plugins/<id>/public/
// (app/plugin_requests.go ServePluginPublicRequest).

/** Go's mime table (mime.TypeByExtension) for what plugins ship. */
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
};

/** http.NotFound, which the static handlers answer with. */
function plainNotFound(reply: FastifyReply): FastifyReply {
  return reply.status(404).type('text/plain; charset=utf-8').send('404 page not found\n');
}

const pluginsDisabled = () => new MmError(501, 'app.plugin.disabled.app_error', 'Plugins have been disabled. Please check your logs for details.');

export const pluginsRoutes: RouteModule = (app, ctx) => {
  // api4/plugin.go getPlugins: every installed manifest, split by whether it is enabled (model.PluginsResponse).
  app.get('/api/v4/plugins', async (request) => {
    const caller = requireCaller(ctx, request);
    if (!ctx.config.PluginSettings.Enable) throw pluginsDisabled();
    requirePermission(hasPermission(caller.user, 'sysconsole_read_plugins'), caller.user, 'sysconsole_read_plugins');
    const plugins = [...ctx.store.plugins.values()];
    return {active: plugins.filter((plugin) => plugin.enabled).map((plugin) => plugin.manifest), inactive: plugins.filter((plugin) => !plugin.enabled).map((plugin) => plugin.manifest)};
  });

  // api4/plugin.go enablePlugin / disablePlugin (app EnablePlugin, DisablePlugin).
  for (const [action, enabled] of [['enable', true], ['disable', false]] as const) {
    app.post(`/api/v4/plugins/:plugin_id/${action}`, async (request) => {
      const caller = requireCaller(ctx, request);
      const {plugin_id: pluginId = ''} = pathParams(request);
      if (!ctx.config.PluginSettings.Enable) throw pluginsDisabled();
      requirePermission(hasPermission(caller.user, 'sysconsole_write_plugins'), caller.user, 'sysconsole_write_plugins');
      const plugin = ctx.store.plugins.get(pluginId);
      if (!plugin) throw new MmError(404, 'app.plugin.not_installed.app_error', 'Plugin is not installed.');
      const changed = {...plugin, enabled};
      ctx.store.plugins.set(pluginId, changed);
      // app/plugin.go: every client hears of it and loads or unloads the webapp part.
      if (plugin.enabled !== enabled) ctx.hub.publish(`plugin_${action}d`, {manifest: clientManifest(changed)}, {});
      return STATUS_OK;
    });
  }

  app.get('/api/v4/plugins/webapp', async (request) => {
    resolveCaller(ctx, request);
    if (!ctx.config.PluginSettings.Enable) throw pluginsDisabled();
    return [...ctx.store.plugins.values()].filter((plugin) => plugin.enabled && plugin.manifest.webapp).map(clientManifest);
  });

  app.get('/static/plugins/:plugin_id/:file', async (request, reply) => {
    const {plugin_id: pluginId = '', file = ''} = pathParams(request);
    const plugin = ctx.store.plugins.get(pluginId);
    if (!ctx.config.PluginSettings.Enable || !plugin?.enabled) return plainNotFound(reply);
    // Read now, so a rebuilt bundle is what is served; only its current name resolves.
    const bundle = readBundle(plugin);
    if (file !== bundle.fileName) return plainNotFound(reply);
    return reply.type(CONTENT_TYPES['.js'] ?? 'text/javascript').header('Cache-Control', 'max-age=31556926, public').send(bundle.body);
  });

  app.get('/plugins/:plugin_id/public/*', async (request, reply) => {
    const {plugin_id: pluginId = '', '*': rest = ''} = pathParams(request);
    const plugin = ctx.store.plugins.get(pluginId);
    if (!plugin?.enabled || !plugin.publicDir || rest === '' || rest.endsWith('/')) return plainNotFound(reply);
    const root = normalize(plugin.publicDir);
    const file = normalize(join(root, rest));
    if (!file.startsWith(root + sep)) return plainNotFound(reply);
    try {
      if (!(await stat(file)).isFile()) return plainNotFound(reply);
      return reply.type(CONTENT_TYPES[extname(file)] ?? 'application/octet-stream').send(await readFile(file));
    } catch {
      return plainNotFound(reply);
    }
  });
};
