import type {Translate} from '../i18n/translate';
import {supportedLocale, translatorFor} from '../i18n/translate';
import type {BusinessDaysBetween, DeadlineUrgency, DeadlineWording, NoticeDeadline} from './deadlineWording';
import {describeDeadline, orderDeadlines} from './deadlineWording';
import {blockQuote, escapeInline, markdownLink, truncate} from './mattermostMarkdown';

// The DM the Baton bot sends when the baton passes to someone: Baton's
// signature. This renders the post only; sending it (outbox, retries) and
// answering its buttons happen elsewhere.
//
// The post is read in three places, and each gets what it can show:
// - `message`: markdown every client shows and Mattermost searches and puts
//   in push notifications: case, task, sender, step, the quoted comment and
//   the `#baton` hashtag.
// - `props.attachments`: the Slack-style card under it, with the deadlines as
//   fields (legal first and marked) and the buttons; `fallback` repeats it all
//   as plain text for clients that cannot show attachments.
// - `props.baton`: the raw facts for the webapp's `custom_baton_handoff` post
//   component, which renders its own card in the viewer's language and
//   recomputes relative times as days pass (the text above says "in 3
//   business days" forever).

export const HANDOFF_ACTIONS = ['accept', 'done', 'handoff', 'decline'] as const;
/** Also the button's action id: Mattermost routes clicks by `[A-Za-z0-9]+` only (docs/MATTERMOST-NOTES.md). */
export type HandoffAction = (typeof HANDOFF_ACTIONS)[number];

export const HANDOFF_POST_TYPE = 'custom_baton_handoff';

export interface HandoffNoticeInput {
  task: {id: string; key: string; title: string; url: string};
  caseRef: {id: string; url: string} | null;
  stepName: string | null;
  runTitle: string | null;
  /** Null when no person handed it over (e.g. a workflow run starting). */
  sender: {username: string} | null;
  /** Shown as "previously held by @x" only when it is not the sender. */
  previousHolder: {username: string} | null;
  deadlines: NoticeDeadline[];
  /** The sender's note, markdown; quoted in full up to COMMENT_QUOTE_LIMIT characters. */
  comment: string | null;
  /** The receiver's Mattermost locale and time zone. */
  receiver: {locale: string; timeZone: string};
  now: Date;
  businessDaysBetween: BusinessDaysBetween;
  actions: {
    /** The bridge's action endpoint. */
    url: string;
    /** Mattermost posts back only the context, not the button id: it must say which action it is for (and be signed, see actionContext.ts). */
    context: (action: HandoffAction) => Record<string, unknown>;
  };
}

export interface AttachmentField {
  title: string;
  /** Markdown. */
  value: string;
  short: boolean;
}

export interface AttachmentButton {
  id: HandoffAction;
  type: 'button';
  name: string;
  style: 'primary' | 'success' | 'default';
  integration: {url: string; context: Record<string, unknown>};
}

export interface HandoffAttachment {
  fallback: string;
  color: string;
  fields: AttachmentField[];
  actions: AttachmentButton[];
}

/** What the webapp's post component needs; JSON only, as Mattermost stores post props. */
export interface HandoffCardData {
  version: 1;
  task: {id: string; key: string; title: string; url: string};
  caseRef: {id: string; url: string} | null;
  stepName: string | null;
  runTitle: string | null;
  sender: {username: string} | null;
  /** Null when it was the sender (nothing to show). */
  previousHolder: {username: string} | null;
  comment: string | null;
  /** In the order the notice shows them: legal first, then soonest first. */
  deadlines: Array<{kind: string; dueAt: string; allDay: boolean; timeZone: string}>;
  sentAt: string;
  /** Ids of the attachment's buttons, for posting actions from the card. */
  actions: HandoffAction[];
}

export interface HandoffNotice {
  message: string;
  type: typeof HANDOFF_POST_TYPE;
  props: {attachments: [HandoffAttachment]; baton: HandoffCardData};
}

/**
 * Mattermost refuses messages over 16,383 characters and a handoff comment may
 * have 20,000 (contract/comment.ts); the rest is one click away in the task.
 */
export const COMMENT_QUOTE_LIMIT = 4_000;

const HASHTAG = '#baton';
const LEGAL_MARK = '⚖\uFE0F';
const OVERDUE_MARK = '⚠\uFE0F';
/** Attachment side bar by the most urgent deadline (Denim theme colors). */
const URGENCY_COLOR: Record<DeadlineUrgency | 'none', string> = {overdue: '#d24b4e', soon: '#ffbc1f', later: '#1c58d9', none: '#1c58d9'};
const BUTTON_STYLE: Record<HandoffAction, AttachmentButton['style']> = {accept: 'primary', done: 'success', handoff: 'default', decline: 'default'};

export function renderHandoffNotice(input: HandoffNoticeInput): HandoffNotice {
  const locale = supportedLocale(input.receiver.locale);
  const t = translatorFor(locale);
  const previousHolder = input.previousHolder && input.previousHolder.username !== input.sender?.username ? input.previousHolder : null;
  const deadlines = orderDeadlines(input.deadlines).map((deadline) => ({
    deadline,
    wording: describeDeadline(deadline, {t, locale, receiverTimeZone: input.receiver.timeZone, now: input.now, businessDaysBetween: input.businessDaysBetween}),
  }));

  const senderLine = (() => {
    if (input.sender && previousHolder) return t('notice.handoff.from_previous', {sender: input.sender.username, previous: previousHolder.username});
    if (input.sender) return t('notice.handoff.from', {sender: input.sender.username});
    if (previousHolder) return t('notice.handoff.from_system_previous', {previous: previousHolder.username});
    return t('notice.handoff.from_system');
  })();
  const stepLines = (escape: (text: string) => string) => [
    ...(input.stepName ? [t('notice.handoff.step', {step: escape(input.stepName)})] : []),
    ...(input.runTitle ? [t('notice.handoff.run', {run: escape(input.runTitle)})] : []),
  ];

  const taskLabel = `${input.task.key} ${input.task.title}`;
  const taskLink = markdownLink(taskLabel, input.task.url);
  const subject = [...(input.caseRef ? [markdownLink(input.caseRef.id, input.caseRef.url)] : []), `**${taskLink}**`].join(' · ');
  const blocks = [[t('notice.handoff.received', {subject}), [senderLine, ...stepLines(escapeInline)].join(' · ')].join('\n')];
  const comment = input.comment?.trim() ? truncate(input.comment, COMMENT_QUOTE_LIMIT) : null;
  if (comment) blocks.push(blockQuote(comment.text).join('\n'));
  if (comment?.cut) blocks.push(t('notice.handoff.comment_continues', {task: taskLink}));
  blocks.push(HASHTAG);

  const plainSubject = [...(input.caseRef ? [input.caseRef.id] : []), taskLabel].join(' · ');
  const fallback = [
    t('notice.handoff.received', {subject: plainSubject}),
    [senderLine, ...stepLines((text) => text)].join(' · '),
    ...deadlines.map(({deadline, wording}) => `${deadline.kind === 'legal' ? `${LEGAL_MARK} ` : ''}${wording.label}: ${wording.date} · ${wording.relative}`),
  ].join('\n');

  return {
    message: blocks.join('\n\n'),
    type: HANDOFF_POST_TYPE,
    props: {
      attachments: [
        {
          fallback,
          color: URGENCY_COLOR[mostUrgent(deadlines.map(({wording}) => wording))],
          fields: deadlines.map(({deadline, wording}) => deadlineField(deadline, wording)),
          actions: HANDOFF_ACTIONS.map((action) => ({
            id: action,
            type: 'button',
            name: buttonLabel(action, t),
            style: BUTTON_STYLE[action],
            integration: {url: input.actions.url, context: input.actions.context(action)},
          })),
        },
      ],
      baton: {
        version: 1,
        task: {...input.task},
        caseRef: input.caseRef ? {...input.caseRef} : null,
        stepName: input.stepName,
        runTitle: input.runTitle,
        sender: input.sender ? {username: input.sender.username} : null,
        previousHolder: previousHolder ? {username: previousHolder.username} : null,
        comment: input.comment,
        deadlines: deadlines.map(({deadline}) => ({kind: deadline.kind, dueAt: deadline.dueAt.toISOString(), allDay: deadline.allDay, timeZone: deadline.timeZone})),
        sentAt: input.now.toISOString(),
        actions: [...HANDOFF_ACTIONS],
      },
    },
  };
}

/** The legal deadline is the one that cannot move: marked and bold, so it stands out among the others. */
function deadlineField(deadline: NoticeDeadline, wording: DeadlineWording): AttachmentField {
  const legal = deadline.kind === 'legal';
  const when = `${wording.urgency === 'overdue' ? `${OVERDUE_MARK} ` : ''}${wording.date} · ${wording.relative}`;
  return {title: legal ? `${LEGAL_MARK} ${wording.label}` : wording.label, value: legal ? `**${when}**` : when, short: true};
}

function mostUrgent(wordings: DeadlineWording[]): DeadlineUrgency | 'none' {
  for (const urgency of ['overdue', 'soon', 'later'] as const) {
    if (wordings.some((wording) => wording.urgency === urgency)) return urgency;
  }
  return 'none';
}

function buttonLabel(action: HandoffAction, t: Translate): string {
  switch (action) {
    case 'accept':
      return t('notice.handoff.button.accept');
    case 'done':
      return t('notice.handoff.button.done');
    case 'handoff':
      return t('notice.handoff.button.handoff');
    case 'decline':
      return t('notice.handoff.button.decline');
  }
}
