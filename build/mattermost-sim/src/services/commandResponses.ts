import type {SimContext} from '../context';
import {MmError} from '../errors';
import type {Command} from '../store/entities';
import {memberKey} from '../store/store';
import {addPostActionCookies} from './actionCookies';
import type {CommandResponse} from './commandResponseModel';
import {generateActionIds, presentAttachments, type MessageAttachment} from './messageAttachments';
import {createPost, sendEphemeral} from './posts';
import {parseMessageAttachment, parseSlackLinksToMarkdown, processMessageAttachments, processSlackText} from './slackCompatibility';

// What Mattermost does with a custom command's response
// (server/channels/app/command.go HandleCommandResponse,
// HandleCommandResponsePost, CreateCommandPost):
// - "in_channel": a real post AS THE INVOKING USER, flagged from_webhook;
// - "" or "ephemeral": an ephemeral post to the invoker, but only when there
//   is text or at least one attachment;
// - any other response_type: nothing;
// - each extra_responses entry is handled the same way; if any posting fails
//   the caller gets api.command.execute_command.create_post_failed.app_error.

export interface CommandInvocation {
  userId: string;
  channelId: string;
  teamId: string;
  rootId: string;
  /** The command line as typed, e.g. `/task add x` (empty for response_url posts). */
  command: string;
}

interface DraftPost {
  channel_id: string;
  root_id: string;
  user_id: string;
  type: string;
  message: string;
  props: Record<string, unknown>;
}

/** model.Post.IsValid accepts these types for a post made on a user's behalf. */
function isAllowedPostType(type: string): boolean {
  return type === '' || type === 'slack_attachment' || type.startsWith('custom_');
}

function createCommandPost(ctx: SimContext, draft: DraftPost, response: CommandResponse): void {
  draft.message = response.skip_slack_parsing ? response.text : parseSlackLinksToMarkdown(response.text);
  if (draft.type.startsWith('system_')) throw new MmError(400, 'api.context.invalid_param.app_error', 'Invalid post.type parameter.');
  const attachments: MessageAttachment[] | null = response.attachments ? parseMessageAttachment(draft, response.attachments) : null;

  if (response.response_type === 'in_channel') {
    // Override props that came in through response.props are subject to the
    // same settings as the command's own (CreateCommandPost, MM-hardening).
    const {EnablePostUsernameOverride, EnablePostIconOverride} = ctx.config.ServiceSettings;
    if (!EnablePostUsernameOverride) delete draft.props.override_username;
    if (!EnablePostIconOverride) {
      delete draft.props.override_icon_url;
      delete draft.props.override_icon_emoji;
    }
    if (!isAllowedPostType(draft.type)) throw new MmError(400, 'model.post.is_valid.type.app_error', 'Invalid type.', `id=, type=${draft.type}`);
    generateActionIds(ctx, attachments);
    if (attachments) draft.props.attachments = presentAttachments(attachments);
    createPost(ctx, {channel_id: draft.channel_id, user_id: draft.user_id, root_id: draft.root_id, message: draft.message, type: draft.type, props: draft.props});
    return;
  }

  const ephemeralAllowed = response.response_type === '' || response.response_type === 'ephemeral';
  if (ephemeralAllowed && (response.text !== '' || attachments !== null)) {
    // app.SendEphemeralPost: action ids, then one sealed cookie per action;
    // the cookie carries the post id, so the id is chosen before sending.
    const id = ctx.ids();
    generateActionIds(ctx, attachments);
    if (attachments) {
      addPostActionCookies(ctx, {id, channel_id: draft.channel_id, root_id: draft.root_id, props: draft.props}, attachments);
      draft.props.attachments = presentAttachments(attachments);
    }
    sendEphemeral({...ctx, ids: () => id}, draft.user_id, {channel_id: draft.channel_id, user_id: draft.user_id, root_id: draft.root_id, message: draft.message, props: draft.props});
  }
}

function handleCommandResponsePost(ctx: SimContext, command: Command, invocation: CommandInvocation, response: CommandResponse): void {
  const draft: DraftPost = {
    channel_id: invocation.channelId,
    root_id: invocation.rootId,
    user_id: invocation.userId,
    type: response.type,
    message: '',
    props: {...response.props},
  };
  if (response.channel_id !== '') {
    if (!ctx.store.channelMembers.has(memberKey(response.channel_id, invocation.userId))) {
      throw new MmError(403, 'api.command.command_post.forbidden.app_error', 'Specified user is not a member of specified channel.');
    }
    draft.channel_id = response.channel_id;
  }
  const {EnablePostUsernameOverride, EnablePostIconOverride} = ctx.config.ServiceSettings;
  // The command's own username/icon win over the response's, and only when allowed.
  if (EnablePostUsernameOverride) {
    const username = command.username || response.username;
    if (username) draft.props.override_username = username;
  }
  if (EnablePostIconOverride) {
    const iconUrl = command.icon_url || response.icon_url;
    if (iconUrl) draft.props.override_icon_url = iconUrl;
  }
  // A custom command is never built in, so its posts are always bot-style.
  draft.props.from_webhook = 'true';
  if (!response.skip_slack_parsing) {
    response.text = processSlackText(ctx, response.text);
    response.attachments = processMessageAttachments(ctx, response.attachments);
  }
  createCommandPost(ctx, draft, response);
}

export function handleCommandResponse(ctx: SimContext, command: Command, invocation: CommandInvocation, response: CommandResponse): CommandResponse {
  let failed = false;
  for (const each of [response, ...(response.extra_responses ?? [])]) {
    try {
      handleCommandResponsePost(ctx, command, invocation, each);
    } catch {
      failed = true;
    }
  }
  if (failed) {
    const trigger = invocation.command === '' ? '' : (invocation.command.split(' ')[0] ?? '').slice(1).toLowerCase();
    throw new MmError(500, 'api.command.execute_command.create_post_failed.app_error', `Command '${trigger}' failed to post response. Please contact your System Administrator.`);
  }
  return response;
}
