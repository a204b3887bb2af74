import type {RouteModule} from '../server';

// Routes of api4/config.go (and related) — being implemented.
export const configRoutes: RouteModule = () => undefined;
