import type {RouteModule} from '../server';
import {userAutocompleteRoutes} from './users/autocomplete';
import {userMembershipRoutes} from './users/memberships';
import {userReadRoutes} from './users/read';
import {sessionRoutes} from './users/session';
import {userTokenRoutes} from './users/tokens';
import {userWriteRoutes} from './users/write';

// /api/v4/users (api4/user.go and the user-scoped routes of team.go, channel.go).
export const usersRoutes: RouteModule = (app, ctx) => {
  sessionRoutes(app, ctx);
  userAutocompleteRoutes(app, ctx);
  userReadRoutes(app, ctx);
  userWriteRoutes(app, ctx);
  userTokenRoutes(app, ctx);
  userMembershipRoutes(app, ctx);
};
