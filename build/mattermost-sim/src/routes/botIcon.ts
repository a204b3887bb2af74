import type {FastifyInstance} from 'fastify';
import {requireCaller} from '../auth';
import type {SimContext} from '../context';
import {MmError} from '../errors';
import {idParam} from '../request';
import {canSeeUser, requirePermission} from '../services/permissions';
import type {Bot, User} from '../store/entities';
import {STATUS_OK} from './integrationRouteParams';

// A bot's icon (api4/bot.go getBotIconImage, setBotIconImage; app/bot.go
// SetBotIconImage, GetBotIconImage): an SVG sent as the multipart file
// `image`, kept at bots/<id>/icon.svg and served back as image/svg+xml.

/** app/bot.go parseSVG: the file must be XML with an <svg> element. */
function looksLikeSvg(file: Buffer): boolean {
  return /<svg[\s>]/.test(file.toString('utf8'));
}

async function imagePart(body: unknown, contentType: string | undefined): Promise<Buffer> {
  if (!Buffer.isBuffer(body) || !contentType?.startsWith('multipart/form-data')) {
    throw new MmError(400, 'api.bot.set_bot_icon_image.parse.app_error', 'Could not parse multipart form.');
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {headers: {'content-type': contentType}}).formData();
  } catch {
    throw new MmError(400, 'api.bot.set_bot_icon_image.parse.app_error', 'Could not parse multipart form.');
  }
  const image = form.get('image');
  // r.MultipartForm.File holds file parts only: a plain field named image is no file.
  if (image === null || typeof image === 'string') throw new MmError(400, 'api.bot.set_bot_icon_image.no_file.app_error', "No file under 'image' in request.");
  return Buffer.from(await image.arrayBuffer());
}

export function botIconRoutes(app: FastifyInstance, ctx: SimContext, manageableBot: (botUserId: string, caller: User) => Bot): void {
  app.get('/api/v4/bots/:bot_user_id/icon', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    const botUserId = idParam(request, 'bot_user_id');
    requirePermission(canSeeUser(ctx, caller.user, botUserId), caller.user, 'view_members');
    if (!ctx.store.bots.has(botUserId)) throw new MmError(404, 'store.sql_bot.get.missing.app_error', 'Unable to find the existing bot.', `id=${botUserId}`);
    const icon = ctx.store.botIcons.get(botUserId);
    if (!icon) throw new MmError(404, 'api.bot.get_bot_icon_image.read.app_error', 'Unable to read icon image file.');
    return reply.header('Cache-Control', `max-age=${24 * 60 * 60}, private`).type('image/svg+xml').send(icon);
  });

  app.post('/api/v4/bots/:bot_user_id/icon', async (request) => {
    const caller = requireCaller(ctx, request);
    const botUserId = idParam(request, 'bot_user_id');
    const bot = manageableBot(botUserId, caller.user);
    const image = await imagePart(request.body, request.headers['content-type']);
    if (!looksLikeSvg(image)) throw new MmError(400, 'api.bot.set_bot_icon_image.parse.app_error', 'Unable to parse the SVG icon file.');
    ctx.store.botIcons.set(botUserId, image);
    ctx.store.bots.set(botUserId, {...bot, last_icon_update: ctx.now()});
    return STATUS_OK;
  });
}
