import type {SimContext} from '../context';
import type {Post} from '../store/entities';
import {goFormatValue} from '../outbound/goEncoding';
import type {AttachmentList, MessageAttachment} from './messageAttachments';

// Slack compatibility applied to integration output unless it says
// "skip_slack_parsing": true (server/channels/app/slack.go,
// server/public/model/message_attachment.go).

const LINK_WITH_TEXT = /<([^<|]+)\|([^>]+)>/g;

/** model.ParseSlackLinksToMarkdown: `<url|text>` → `[text](url)`. */
export function parseSlackLinksToMarkdown(text: string): string {
  return text.replace(LINK_WITH_TEXT, '[$2]($1)');
}

/** app.ProcessSlackText: `<!channel>`/`<!here>`/`<!all>` and `<@userid>` become Mattermost mentions. */
export function processSlackText(ctx: SimContext, text: string): string {
  let out = text.replaceAll('<!channel>', '@channel').replaceAll('<!here>', '@here').replaceAll('<!all>', '@all');
  for (const match of out.matchAll(/<@([a-zA-Z0-9]+)>/g)) {
    const user = ctx.store.users.get(match[1] ?? '');
    if (user) out = out.replaceAll(`<@${user.id}>`, `@${user.username}`);
  }
  return out;
}

/**
 * model.StringifyMessageAttachmentFieldValue: drops nil attachments and nil
 * fields and turns every field value into fmt's %v string. Returns nil when
 * nothing is left (an empty list is nil in Go, so `[]` counts as "no
 * attachments").
 */
export function stringifyFieldValues(attachments: AttachmentList | null): MessageAttachment[] | null {
  const kept: MessageAttachment[] = [];
  for (const attachment of attachments ?? []) {
    if (!attachment) continue;
    if (attachment.fields) {
      attachment.fields = attachment.fields.filter((field) => field !== null);
      for (const field of attachment.fields) if (field && field.value !== null) field.value = goFormatValue(field.value);
    }
    kept.push(attachment);
  }
  return kept.length > 0 ? kept : null;
}

/** app.ProcessMessageAttachments. */
export function processMessageAttachments(ctx: SimContext, attachments: AttachmentList | null): MessageAttachment[] | null {
  const kept = stringifyFieldValues(attachments);
  for (const attachment of kept ?? []) {
    attachment.pretext = processSlackText(ctx, attachment.pretext);
    attachment.text = processSlackText(ctx, attachment.text);
    attachment.title = processSlackText(ctx, attachment.title);
    for (const field of attachment.fields ?? []) if (field && field.value !== null) field.value = processSlackText(ctx, String(field.value));
  }
  return kept;
}

/**
 * model.ParseMessageAttachment: an attachment post gets type
 * `slack_attachment` unless it has one, links in text/pretext/string field
 * values become Markdown; the list (nil elements dropped) is what goes into
 * props.attachments, which the caller sets once action ids are generated.
 */
export function parseMessageAttachment(post: Pick<Post, 'type'>, attachments: AttachmentList): MessageAttachment[] {
  if (post.type === '') post.type = 'slack_attachment';
  const kept: MessageAttachment[] = [];
  for (const attachment of attachments) {
    if (!attachment) continue;
    attachment.text = parseSlackLinksToMarkdown(attachment.text);
    attachment.pretext = parseSlackLinksToMarkdown(attachment.pretext);
    for (const field of attachment.fields ?? []) if (field && typeof field.value === 'string') field.value = parseSlackLinksToMarkdown(field.value);
    kept.push(attachment);
  }
  return kept;
}
