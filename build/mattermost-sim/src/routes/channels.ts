import type {RouteModule} from '../server';
import {channelLifecycleRoutes} from './channels/lifecycle';
import {channelMemberRoutes} from './channels/members';
import {channelStatsRoutes} from './channels/stats';

// /api/v4/channels (api4/channel.go).
export const channelsRoutes: RouteModule = (app, ctx) => {
  channelLifecycleRoutes(app, ctx);
  channelMemberRoutes(app, ctx);
  channelStatsRoutes(app, ctx);
};
