// What a handoff DM (the bridge's custom_baton_handoff post) carries for the
// card, read defensively: post props are whatever the server stored, written
// by any bridge version. `props.baton` mirrors HandoffCardData
// (server-bridge/src/notices/handoffNotice.ts, version 1); the buttons come
// from `props.attachments[0].actions`, because the bridge updates the post in
// place after a click and drops the buttons that are spent — `baton.actions`
// keeps the list the post was sent with.
import * as z from 'zod';

import type {HostPost} from '../plugin/hostTypes';

/** The post type the bridge gives handoff DMs (HANDOFF_POST_TYPE). */
export const HANDOFF_POST_TYPE = 'custom_baton_handoff';

const person = z.object({username: z.string().min(1)});

export const handoffCardSchema = z.object({
  version: z.literal(1),
  task: z.object({id: z.string().min(1), key: z.string().min(1), title: z.string(), url: z.string()}),
  caseRef: z.object({id: z.string().min(1), url: z.string()}).nullable(),
  stepName: z.string().nullable(),
  runTitle: z.string().nullable(),
  sender: person.nullable(),
  previousHolder: person.nullable(),
  comment: z.string().nullable(),
  deadlines: z.array(z.object({kind: z.string().min(1), dueAt: z.iso.datetime({offset: true}), allDay: z.boolean(), timeZone: z.string()})),
  sentAt: z.string(),
  actions: z.array(z.string()),
});

export type HandoffCard = z.output<typeof handoffCardSchema>;
export type CardDeadline = HandoffCard['deadlines'][number];

/** The card's facts, or null when the post has none this webapp can read (older or newer bridge). */
export function readHandoffCard(post: HostPost): HandoffCard | null {
  const parsed = handoffCardSchema.safeParse(post.props?.baton);
  return parsed.success ? parsed.data : null;
}

/** An attachment button as clients see it: the server strips `integration` and adds `cookie`. */
const buttonSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  type: z.string().optional(),
  style: z.string().optional(),
  cookie: z.string().optional(),
});

export type CardButton = {id: string; name: string; style: string; cookie: string};

const firstAttachmentSchema = z.object({actions: z.array(z.unknown()).optional(), footer: z.string().optional()});

function firstAttachment(post: HostPost): z.output<typeof firstAttachmentSchema> | null {
  const attachments = post.props?.attachments;
  const parsed = firstAttachmentSchema.safeParse(Array.isArray(attachments) ? attachments[0] : undefined);
  return parsed.success ? parsed.data : null;
}

/** The buttons the post offers now, in the attachment's order; menus (selects) and unreadable entries are left out. */
export function cardButtons(post: HostPost): CardButton[] {
  return (firstAttachment(post)?.actions ?? []).flatMap((entry) => {
    const parsed = buttonSchema.safeParse(entry);
    if (!parsed.success || (parsed.data.type !== undefined && parsed.data.type !== 'button')) {
      return [];
    }
    const {id, name, style = 'default', cookie = ''} = parsed.data;
    return [{id, name, style, cookie}];
  });
}

/** What happened to the notice, as the bridge wrote it under the buttons after a click ("Accepted · 2025-03-31 09:12"). */
export function cardFooter(post: HostPost): string | null {
  return firstAttachment(post)?.footer?.trim() || null;
}
