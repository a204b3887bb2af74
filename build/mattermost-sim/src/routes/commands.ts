import type {RouteModule} from '../server';

// Routes of api4/commands.go (and related) — being implemented.
export const commandsRoutes: RouteModule = () => undefined;
