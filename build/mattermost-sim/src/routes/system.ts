import type {RouteModule} from '../server';

// GET /api/v4/system/ping (api4/system.go): {"status":"OK"} plus, for
// get_server_status, more; the version comes from the X-Version-Id header.
export const systemRoutes: RouteModule = (app) => {
  app.get('/api/v4/system/ping', async () => ({status: 'OK', ActiveSearchBackend: 'database'}));
};
