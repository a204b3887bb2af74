import type {RouteModule} from '../server';

// Routes of api4/dialogs.go (and related) — being implemented.
export const dialogsRoutes: RouteModule = () => undefined;
