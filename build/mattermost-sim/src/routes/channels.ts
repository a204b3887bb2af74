import type {RouteModule} from '../server';

// Routes of api4/channels.go (and related) — being implemented.
export const channelsRoutes: RouteModule = () => undefined;
