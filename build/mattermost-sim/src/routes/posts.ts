import type {RouteModule} from '../server';

// Routes of api4/posts.go (and related) — being implemented.
export const postsRoutes: RouteModule = () => undefined;
