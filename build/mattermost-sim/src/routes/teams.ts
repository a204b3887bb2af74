import type {RouteModule} from '../server';

// Routes of api4/teams.go (and related) — being implemented.
export const teamsRoutes: RouteModule = () => undefined;
