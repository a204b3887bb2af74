import {z} from 'zod';
import {requireCaller} from '../auth';
import {MmError} from '../errors';
import {boolQuery, idParam, pagination, pageOf, parseBody} from '../request';
import type {RouteModule} from '../server';
import {hasPermission, requirePermission} from '../services/permissions';
import {createBot, deactivateUser, reactivateUser, updateUser} from '../services/users';
import type {Bot, User} from '../store/entities';
import {botIconRoutes} from './botIcon';

// /api/v4/bots (api4/bot.go; app/authorization.go SessionHasPermissionToManageBot).
// Bots a caller may not read are reported as missing, never as forbidden.

const botNotFound = (id: string) => new MmError(404, 'store.sql_bot.get.missing.app_error', 'Unable to find the existing bot.', `id=${id}`);

const botPatchBody = z.object({username: z.string().default(''), display_name: z.string().optional(), description: z.string().optional()});
/** model.BotPatch: only the fields present change. */
const botPatchChanges = z.object({username: z.string().optional(), display_name: z.string().optional(), description: z.string().optional()});

export const botsRoutes: RouteModule = (app, ctx) => {
  /** SessionHasPermissionToManageBot: owner needs manage_bots, others manage_others_bots; without even read access the bot "does not exist". */
  const manageableBot = (botUserId: string, caller: User): Bot => {
    const bot = ctx.store.bots.get(botUserId);
    if (!bot) throw botNotFound(botUserId);
    const [manage, read] = bot.owner_id === caller.id ? (['manage_bots', 'read_bots'] as const) : (['manage_others_bots', 'read_others_bots'] as const);
    if (hasPermission(caller, manage)) return bot;
    if (!hasPermission(caller, read)) throw botNotFound(botUserId);
    requirePermission(false, caller, manage);
    return bot;
  };

  app.post('/api/v4/bots', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    const body = parseBody(botPatchBody, request.body, 'bot');
    requirePermission(hasPermission(caller.user, 'create_bot') && !caller.user.is_bot, caller.user, 'create_bot');
    if (!ctx.config.ServiceSettings.EnableBotAccountCreation) throw new MmError(403, 'api.bot.create_disabled', 'Bot creation has been disabled.');
    return reply.status(201).send(createBot(ctx, {...body, owner_id: caller.user.id}));
  });

  app.get('/api/v4/bots/:bot_user_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const botUserId = idParam(request, 'bot_user_id');
    const bot = ctx.store.bots.get(botUserId);
    if (!bot || (bot.delete_at !== 0 && !boolQuery(request, 'include_deleted'))) throw botNotFound(botUserId);
    const readable = hasPermission(caller.user, 'read_others_bots') || (bot.owner_id === caller.user.id && hasPermission(caller.user, 'read_bots'));
    if (!readable) throw botNotFound(botUserId);
    return bot;
  });

  app.get('/api/v4/bots', async (request) => {
    const caller = requireCaller(ctx, request);
    let ownerId: string | undefined;
    if (hasPermission(caller.user, 'read_others_bots')) ownerId = undefined;
    else if (hasPermission(caller.user, 'read_bots')) ownerId = caller.user.id;
    else requirePermission(false, caller.user, 'read_bots');
    const includeDeleted = boolQuery(request, 'include_deleted');
    const onlyOrphaned = boolQuery(request, 'only_orphaned');
    const bots = [...ctx.store.bots.values()].filter((bot) => {
      if (ownerId !== undefined && bot.owner_id !== ownerId) return false;
      if (!includeDeleted && bot.delete_at !== 0) return false;
      const owner = ctx.store.users.get(bot.owner_id);
      return !onlyOrphaned || !owner || owner.delete_at !== 0;
    });
    return pageOf(bots, pagination(request));
  });

  // app/bot.go PatchBot: the bot changes, and its user follows (model.UserFromBot: username, first name = display name).
  app.put('/api/v4/bots/:bot_user_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const botUserId = idParam(request, 'bot_user_id');
    const patch = parseBody(botPatchChanges, request.body, 'bot');
    const bot = manageableBot(botUserId, caller.user);
    const patched: Bot = {...bot, ...patch, update_at: ctx.now()};
    if (patched.username !== bot.username && [...ctx.store.users.values()].some((user) => user.username === patched.username)) {
      throw new MmError(400, 'app.user.save.username_exists.app_error', 'An account with that username already exists.');
    }
    updateUser(ctx, botUserId, {username: patched.username, first_name: patched.display_name, bot_description: patched.description});
    ctx.store.bots.set(botUserId, patched);
    return patched;
  });

  botIconRoutes(app, ctx, manageableBot);

  for (const [action, active] of [['disable', false], ['enable', true]] as const) {
    app.post(`/api/v4/bots/:bot_user_id/${action}`, async (request) => {
      const caller = requireCaller(ctx, request);
      const botUserId = idParam(request, 'bot_user_id');
      manageableBot(botUserId, caller.user);
      if (active) reactivateUser(ctx, botUserId);
      else deactivateUser(ctx, botUserId);
      return ctx.store.bots.get(botUserId);
    });
  }
};
