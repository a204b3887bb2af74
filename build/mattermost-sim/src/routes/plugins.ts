import type {RouteModule} from '../server';

// Routes of api4/plugins.go (and related) — being implemented.
export const pluginsRoutes: RouteModule = () => undefined;
