import type {RouteModule} from '../server';

// Routes of api4/actions.go (and related) — being implemented.
export const actionsRoutes: RouteModule = () => undefined;
