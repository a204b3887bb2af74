import type {RouteModule} from '../server';

// Routes of api4/bots.go (and related) — being implemented.
export const botsRoutes: RouteModule = () => undefined;
