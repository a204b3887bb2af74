import type {FastifyReply} from 'fastify';
import {createHarnessAssets} from '../harness-server/harnessAssets';
import {pathParams} from '../request';
import type {RouteModule} from '../server';

// Serves the browser harness: the single-page app at every webapp route
// Mattermost answers with root.html, and its bundle at /harness/<file>. The
// page carries Mattermost's Content-Security-Policy (`script-src 'self'`), so
// a plugin that needs eval fails here as it would there.

/** Webapp routes the harness renders; each returns the same page. */
const pageRoutes = ['/', '/login', '/:team/channels/:channel', '/:team/messages/:username'];

export const contentSecurityPolicy = "script-src 'self'";

export const harnessRoutes: RouteModule = (app) => {
  const assets = createHarnessAssets();

  for (const route of pageRoutes) {
    app.get(route, async (_request, reply: FastifyReply) => {
      const page = await assets.page();
      return reply
        .header('Content-Security-Policy', contentSecurityPolicy)
        .header('Cache-Control', 'no-cache, max-age=31556926, public')
        .type(page.contentType)
        .send(page.body);
    });
  }

  app.get('/harness/:file', async (request, reply) => {
    const {file = ''} = pathParams(request);
    const asset = file === 'index.html' ? undefined : await assets.file(file);
    if (!asset) return reply.status(404).type('text/plain; charset=utf-8').send('404 page not found\n');
    return reply.type(asset.contentType).header('Cache-Control', 'max-age=31556926, public').send(asset.body);
  });
};
