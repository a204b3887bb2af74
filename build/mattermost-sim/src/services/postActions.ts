import {z} from 'zod';
import type {SimContext} from '../context';
import {MmError} from '../errors';
import type {Post, User} from '../store/entities';
import {marshalGoJson, sortMapKeys} from '../outbound/goEncoding';
import {IntegrationRequestError, sendIntegrationRequest} from '../outbound/integrationHttp';
import {RETAINED_PROP_KEYS, type PostActionCookie} from './actionCookies';
import {goBool, goMap, goString} from './goJson';
import {findPostAction} from './messageAttachments';
import {editPost, sendEphemeral} from './posts';
import {parseSlackLinksToMarkdown} from './slackCompatibility';
import {issueTriggerId} from './triggers';

// A click on an interactive message button or menu
// (server/channels/app/integration_action.go DoPostActionWithCookie,
// DoActionRequest). The stored post is the source of truth; only when the
// post does not exist (an ephemeral post) is the client's sealed cookie used.

export const MAX_ACTION_RESPONSE_BYTES = 1024 * 1024;

export const actionIntegrationError = (detail: string, status = 400) =>
  new MmError(status, 'api.post.do_action.action_integration.app_error', 'Action integration error.', detail);

interface ActionSetup {
  channelId: string;
  channelName: string;
  teamId: string;
  type: string;
  context: Record<string, unknown> | null;
  dataSource: string;
  url: string;
  rootPostId: string;
  retain: Record<string, unknown>;
  remove: string[];
  original?: Post;
}

function setupFromPost(ctx: SimContext, post: Post, actionId: string): ActionSetup {
  const channel = ctx.store.channels.get(post.channel_id);
  if (!channel) throw new MmError(500, 'app.channel.get_for_post.app_error', 'Unable to get the channel for the given post.');
  const action = findPostAction(post.props, actionId);
  if (!action || !action.integration) throw new MmError(404, 'api.post.do_action.action_id.app_error', 'Invalid action id.', `action=${action ? 'no integration' : '<nil>'}`);
  const retain: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const key of RETAINED_PROP_KEYS) {
    if (key in post.props) retain[key] = post.props[key];
    else remove.push(key);
  }
  return {
    channelId: post.channel_id,
    channelName: channel.name,
    teamId: channel.team_id,
    type: action.type,
    context: action.integration.context,
    dataSource: action.data_source,
    url: action.integration.url,
    rootPostId: post.root_id === '' ? post.id : post.root_id,
    retain,
    remove,
    original: post,
  };
}

function setupFromCookie(ctx: SimContext, postId: string, cookie: PostActionCookie): ActionSetup {
  if (!cookie.integration) throw actionIntegrationError('no Integration in action cookie');
  if (postId !== cookie.post_id) throw actionIntegrationError("postId doesn't match");
  const channel = ctx.store.channels.get(cookie.channel_id);
  if (!channel) throw new MmError(404, 'app.channel.get.existing.app_error', `Unable to find the existing channel ${cookie.channel_id}.`);
  return {
    channelId: cookie.channel_id,
    channelName: channel.name,
    teamId: channel.team_id,
    type: cookie.type,
    context: cookie.integration.context,
    dataSource: cookie.data_source,
    url: cookie.integration.url,
    rootPostId: cookie.root_post_id,
    retain: cookie.retain_props ?? {},
    remove: cookie.remove_props ?? [],
  };
}

/** model.PostActionIntegrationResponse; `update` is a *Post. */
const actionResponseSchema = z.object({
  update: z
    .object({
      message: goString,
      props: goMap,
    })
    .nullish()
    .transform((value) => value ?? null),
  ephemeral_text: goString,
  skip_slack_parsing: goBool,
});

async function callIntegration(ctx: SimContext, url: string, body: string): Promise<z.output<typeof actionResponseSchema>> {
  if (url.startsWith('/plugins/') || url.startsWith('plugins/')) {
    throw new MmError(501, 'sim.not_implemented', 'The Mattermost simulator does not route post actions to plugin servers.', url);
  }
  let reply;
  try {
    reply = await sendIntegrationRequest(ctx, {kind: 'action', method: 'POST', url, headers: {'Content-Type': 'application/json', Accept: 'application/json'}, body, maxResponseBytes: MAX_ACTION_RESPONSE_BYTES});
  } catch (error) {
    if (error instanceof IntegrationRequestError) throw actionIntegrationError(`err=${error.message}`);
    throw error;
  }
  if (reply.statusCode !== 200) throw actionIntegrationError(`status=${reply.statusCode}`);
  if (reply.body.length === 0) return {update: null, ephemeral_text: '', skip_slack_parsing: false};
  let json: unknown;
  try {
    json = JSON.parse(reply.body.toString('utf8'));
  } catch (error) {
    throw actionIntegrationError((error as Error).message);
  }
  const parsed = actionResponseSchema.safeParse(json === null ? {} : json);
  if (!parsed.success) throw actionIntegrationError(parsed.error.issues[0]?.message ?? 'invalid response');
  return parsed.data;
}

/**
 * Applies `update` as app.UpdatePost(safeUpdate=false) does after
 * DoPostActionWithCookie restored what must survive: the id, is_pinned, and
 * either the original props (props null) or the new props with
 * from_webhook/override_username/override_icon_url taken from the original.
 */
function applyUpdate(ctx: SimContext, postId: string, setup: ActionSetup, update: NonNullable<z.output<typeof actionResponseSchema>['update']>): void {
  let props: Record<string, unknown>;
  if (update.props === null) props = setup.original?.props ?? {};
  else {
    props = {...update.props};
    for (const [key, value] of Object.entries(setup.retain)) props[key] = value;
    for (const key of setup.remove) delete props[key];
  }
  // A post known only from a cookie (ephemeral) is not stored: editPost reports it missing, as UpdatePost does.
  const isPinned = ctx.store.posts.get(postId)?.is_pinned ?? false;
  editPost(ctx, postId, {message: update.message, props, is_pinned: isPinned});
}

export interface PostActionClick {
  postId: string;
  actionId: string;
  selectedOption: string;
  cookie: PostActionCookie | null;
}

/** Returns the client trigger id (PostActionAPIResponse.trigger_id). */
export async function doPostAction(ctx: SimContext, user: User, click: PostActionClick): Promise<string> {
  const post = ctx.store.posts.get(click.postId);
  const stored = post && post.delete_at === 0 ? post : undefined;
  let setup: ActionSetup;
  if (stored) setup = setupFromPost(ctx, stored, click.actionId);
  else if (click.cookie) setup = setupFromCookie(ctx, click.postId, click.cookie);
  else throw new MmError(404, 'app.post.get.app_error', 'Unable to get the post.');

  const team = setup.teamId === '' ? undefined : ctx.store.teams.get(setup.teamId);
  if (setup.teamId !== '' && !team) throw new MmError(404, 'app.team.get.find.app_error', 'Unable to find the existing team.');
  let context = setup.context;
  let dataSource = '';
  if (setup.type === 'select' && click.selectedOption !== '') {
    context = {...(context ?? {}), selected_option: click.selectedOption};
    dataSource = setup.dataSource;
  }
  const issued = issueTriggerId(ctx, user.id);
  // model.PostActionIntegrationRequest in field order; context is a Go map (sorted keys, omitted when empty).
  const request = {
    user_id: user.id,
    user_name: user.username,
    channel_id: setup.channelId,
    channel_name: setup.channelName,
    team_id: setup.teamId,
    team_domain: team?.name ?? '',
    post_id: click.postId,
    trigger_id: issued.triggerId,
    type: setup.type,
    data_source: dataSource,
    ...(context && Object.keys(context).length > 0 ? {context: sortMapKeys(context)} : {}),
  };
  const response = await callIntegration(ctx, setup.url, marshalGoJson(request));

  if (response.update) applyUpdate(ctx, click.postId, setup, response.update);
  if (response.ephemeral_text !== '') {
    const message = response.skip_slack_parsing ? response.ephemeral_text : parseSlackLinksToMarkdown(response.ephemeral_text);
    sendEphemeral(ctx, user.id, {channel_id: setup.channelId, root_id: setup.rootPostId, user_id: user.id, message, props: {...setup.retain}});
  }
  return issued.clientTriggerId;
}
