import type {RouteModule} from '../server';

// Routes of api4/inspection.go (and related) — being implemented.
export const inspectionRoutes: RouteModule = () => undefined;
