import type {RouteModule} from '../server';

// Routes of api4/users.go (and related) — being implemented.
export const usersRoutes: RouteModule = () => undefined;
