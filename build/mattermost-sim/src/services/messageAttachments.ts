import {z} from 'zod';
import type {SimContext} from '../context';
import {goAny, goBool, goInt, goMap, goSlice, goString} from './goJson';

// Message attachments and their interactive actions, typed as Mattermost's
// structs (server/public/model/message_attachment.go, integration_action.go)
// so they decode with Go's rules and serialize in Go's shape: every
// attachment key present (fields and ts may be null), every action key
// omitempty. What a command response or an action `update` puts into
// props.attachments is stored in this shape, as Mattermost stores it.

/** model.SlackCompatibleBool: true/false, or the strings "true"/"false" in any case; anything else (null too) is an error. */
const slackCompatibleBool = z.union([z.boolean(), z.string()]).transform((value, issue) => {
  const text = String(value).toLowerCase();
  if (text === 'true' || text === 'false') return text === 'true';
  issue.addIssue({code: 'custom', message: `unmarshal: unable to convert ${JSON.stringify(value)} to bool`});
  return z.NEVER;
});

const postActionOptionSchema = z.object({text: goString, value: goString}).nullable();

const postActionIntegrationSchema = z.object({url: goString, context: goMap}).nullable();

export const postActionSchema = z
  .object({
    id: goString,
    type: goString,
    name: goString,
    disabled: goBool,
    style: goString,
    data_source: goString,
    options: goSlice(postActionOptionSchema),
    default_option: goString,
    integration: postActionIntegrationSchema.optional().transform((value) => value ?? null),
    cookie: goString,
  })
  .nullable();

const attachmentFieldSchema = z.object({title: goString, value: goAny, short: slackCompatibleBool.optional().transform((value) => value ?? false)}).nullable();

export const messageAttachmentSchema = z
  .object({
    id: goInt,
    fallback: goString,
    color: goString,
    pretext: goString,
    author_name: goString,
    author_link: goString,
    author_icon: goString,
    title: goString,
    title_link: goString,
    text: goString,
    fields: goSlice(attachmentFieldSchema),
    image_url: goString,
    thumb_url: goString,
    footer: goString,
    footer_icon: goString,
    ts: goAny,
    actions: goSlice(postActionSchema),
  })
  .nullable();

export type PostAction = NonNullable<z.output<typeof postActionSchema>>;
export type MessageAttachment = NonNullable<z.output<typeof messageAttachmentSchema>>;
/** A decoded []*MessageAttachment: Go keeps nil elements until they are filtered. */
export type AttachmentList = Array<MessageAttachment | null>;

function presentAction(action: PostAction | null): Record<string, unknown> | null {
  if (!action) return null;
  const out: Record<string, unknown> = {};
  if (action.id) out.id = action.id;
  if (action.type) out.type = action.type;
  if (action.name) out.name = action.name;
  if (action.disabled) out.disabled = true;
  if (action.style) out.style = action.style;
  if (action.data_source) out.data_source = action.data_source;
  if (action.options && action.options.length > 0) out.options = action.options;
  if (action.default_option) out.default_option = action.default_option;
  if (action.integration) {
    const integration: Record<string, unknown> = {};
    if (action.integration.url) integration.url = action.integration.url;
    if (action.integration.context && Object.keys(action.integration.context).length > 0) integration.context = action.integration.context;
    out.integration = integration;
  }
  if (action.cookie) out.cookie = action.cookie;
  return out;
}

/** json.Marshal of a *MessageAttachment. */
export function presentAttachment(attachment: MessageAttachment | null): Record<string, unknown> | null {
  if (!attachment) return null;
  const {actions, fields, ...rest} = attachment;
  return {
    id: rest.id,
    fallback: rest.fallback,
    color: rest.color,
    pretext: rest.pretext,
    author_name: rest.author_name,
    author_link: rest.author_link,
    author_icon: rest.author_icon,
    title: rest.title,
    title_link: rest.title_link,
    text: rest.text,
    fields: fields ? fields.map((field) => (field ? {title: field.title, value: field.value, short: field.short} : null)) : null,
    image_url: rest.image_url,
    thumb_url: rest.thumb_url,
    footer: rest.footer,
    footer_icon: rest.footer_icon,
    ts: rest.ts,
    ...(actions && actions.length > 0 ? {actions: actions.map(presentAction)} : {}),
  };
}

export function presentAttachments(attachments: AttachmentList | null): Array<Record<string, unknown> | null> | null {
  return attachments ? attachments.map(presentAttachment) : null;
}

/**
 * model.Post.Attachments(): what a stored post's props.attachments decodes
 * to; elements that do not decode as a MessageAttachment are skipped.
 */
export function readPostAttachments(props: Record<string, unknown>): MessageAttachment[] {
  const raw = props.attachments;
  if (!Array.isArray(raw)) return [];
  const attachments: MessageAttachment[] = [];
  for (const element of raw) {
    const parsed = messageAttachmentSchema.safeParse(element);
    if (parsed.success && parsed.data) attachments.push(parsed.data);
  }
  return attachments;
}

/** model.Post.GetAction. */
export function findPostAction(props: Record<string, unknown>, actionId: string): PostAction | undefined {
  for (const attachment of readPostAttachments(props)) {
    for (const action of attachment.actions ?? []) if (action && action.id === actionId) return action;
  }
  return undefined;
}

/** model.Post.GenerateActionIds: every action without an id gets a fresh one. */
export function generateActionIds(ctx: SimContext, attachments: AttachmentList | null): void {
  for (const attachment of attachments ?? []) {
    for (const action of attachment?.actions ?? []) if (action && action.id === '') action.id = ctx.ids();
  }
}
