import type {RouteModule} from '../server';

// Serves the browser harness (GET /, /harness/*) — being implemented.
export const harnessRoutes: RouteModule = () => undefined;
