import type {RouteModule} from '../server';
import {postCreateRoutes} from './posts/create';
import {postEditRoutes} from './posts/edit';
import {postReadRoutes} from './posts/read';

// /api/v4/posts and /channels/{id}/posts (api4/post.go). Every post leaves
// through presentPost, which strips action integrations.
export const postsRoutes: RouteModule = (app, ctx) => {
  postCreateRoutes(app, ctx);
  postReadRoutes(app, ctx);
  postEditRoutes(app, ctx);
};
