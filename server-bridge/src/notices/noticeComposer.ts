import type {BusinessCalendar} from '../domain/calendar/businessCalendar';
import type {ClaimedNotice, DeliveryReceipt, Notice, PostingNotice} from '../domain/notices/ports';
import type {TaskReads} from '../domain/tasks/ports';
import type {Task} from '../domain/tasks/task';
import type {WorkflowReads} from '../domain/workflows/ports';
import {translatorFor} from '../i18n/translate';
import {writeDigestNotice} from './digestNotice';
import {type HandoffAttachment, renderHandoffNotice} from './handoffNotice';
import {blockQuote, markdownLink} from './mattermostMarkdown';
import {type ReminderButtonTarget, writeReminderNotice} from './reminderNotice';

// Writes a change notice (handoff, decline, run completed) as the post its
// receiver gets, at delivery time: in their language and time zone, from the
// task as it is now. Everything it asks (people, links) may reach Mattermost;
// a failure there is an ordinary delivery failure and is retried.

export interface NoticeComposerDeps {
  tasks: Pick<TaskReads, 'findTask'>;
  workflows: Pick<WorkflowReads, 'runOfTask' | 'templateVersion' | 'findRun'>;
  people: {
    username(userId: string): Promise<string | undefined>;
    locale(userId: string): Promise<string>;
    timeZone(userId: string): Promise<string>;
  };
  /** Where a task is seen in Mattermost. */
  taskUrl(task: Task): Promise<string>;
  calendar: BusinessCalendar;
  /** The buttons' endpoint and their signed context; undefined: the post carries no buttons. */
  actions(receiverId: string, task: Task): Promise<{url: string; context: (action: string) => Record<string, unknown>} | undefined>;
  /** The buttons of a deadline reminder (reminderActions.ts); absent or undefined: the post carries none. */
  reminderActions?(receiverId: string, task: Task, deadlineKind: string): Promise<ReminderButtonTarget | undefined>;
  now(): Date;
}

export function createNoticeComposer(deps: NoticeComposerDeps): (notice: Notice) => Promise<PostingNotice> {
  async function taskOf(id: string): Promise<Task> {
    const task = await deps.tasks.findTask(id);
    if (!task) throw new Error(`notice about task ${id}, which no longer exists`);
    return task;
  }

  const mention = async (userId: string | null) => (userId ? ((await deps.people.username(userId)) ?? null) : null);

  return async (notice) => {
    switch (notice.kind) {
      case 'direct_post':
      case 'channel_post':
        return notice;

      case 'handoff': {
        const task = await taskOf(notice.taskId);
        const run = await deps.workflows.runOfTask(task.id);
        const definition = run ? await deps.workflows.templateVersion(run.templateId, run.templateVersion) : undefined;
        const position = run?.steps.find((step) => step.taskId === task.id)?.position;
        const [sender, previous, locale, timeZone, url, actions] = await Promise.all([
          mention(notice.fromUserId),
          mention(notice.previousHolderId === notice.fromUserId ? null : notice.previousHolderId),
          deps.people.locale(notice.userId),
          deps.people.timeZone(notice.userId),
          deps.taskUrl(task),
          deps.actions(notice.userId, task),
        ]);
        const post = renderHandoffNotice({
          task: {id: task.id, key: task.key, title: task.title, url},
          caseRef: task.caseRef,
          stepName: position !== undefined ? (definition?.steps[position]?.name ?? null) : null,
          runTitle: run && position !== undefined ? run.title : null,
          sender: sender ? {username: sender} : null,
          previousHolder: previous ? {username: previous} : null,
          deadlines: task.deadlines,
          comment: notice.comment,
          receiver: {locale, timeZone},
          now: deps.now(),
          businessDaysBetween: (from, to) => deps.calendar.businessDaysBetween(from, to),
          actions: actions ?? {url: '', context: () => ({})},
        });
        // Without an endpoint the buttons could only fail: leave them out.
        if (!actions) for (const attachment of post.props.attachments) attachment.actions = [];
        return {kind: 'direct_post', userId: notice.userId, post, idempotencyKey: notice.idempotencyKey};
      }

      case 'declined': {
        const task = await taskOf(notice.taskId);
        const [sender, locale, url] = await Promise.all([mention(notice.fromUserId), deps.people.locale(notice.userId), deps.taskUrl(task)]);
        const t = translatorFor(locale);
        const lines = [t('notice.declined.message', {sender: sender ?? notice.fromUserId, task: markdownLink(`${task.key} ${task.title}`, url)})];
        if (notice.comment) lines.push('', t('notice.declined.reason'), ...blockQuote(notice.comment));
        lines.push('', '#baton');
        return {kind: 'direct_post', userId: notice.userId, post: {message: lines.join('\n')}, idempotencyKey: notice.idempotencyKey};
      }

      case 'run_completed': {
        const run = await deps.workflows.findRun(notice.runId);
        if (!run) throw new Error(`notice about run ${notice.runId}, which no longer exists`);
        const parent = await taskOf(run.parentTaskId);
        const [finisher, locale, url] = await Promise.all([mention(notice.completedById), deps.people.locale(notice.userId), deps.taskUrl(parent)]);
        const t = translatorFor(locale);
        const message = `${t('notice.run_completed.message', {run: markdownLink(run.title, url), finisher: finisher ?? notice.completedById})}\n\n#baton`;
        return {kind: 'direct_post', userId: notice.userId, post: {message}, idempotencyKey: notice.idempotencyKey};
      }

      case 'holder_deactivated': {
        const task = await taskOf(notice.taskId);
        const [holder, locale, url] = await Promise.all([mention(notice.holderId), deps.people.locale(notice.userId), deps.taskUrl(task)]);
        const t = translatorFor(locale);
        const message = `${t('notice.holder_deactivated.message', {holder: holder ?? notice.holderId, task: markdownLink(`${task.key} ${task.title}`, url)})}\n\n#baton`;
        return {kind: 'direct_post', userId: notice.userId, post: {message}, idempotencyKey: notice.idempotencyKey};
      }

      case 'digest':
        return {kind: 'direct_post', userId: notice.userId, post: await writeDigestNotice(notice, deps), idempotencyKey: notice.idempotencyKey};

      case 'deadline_reminder':
        return {kind: 'direct_post', userId: notice.userId, post: await writeReminderNotice(notice, deps), idempotencyKey: notice.idempotencyKey};

      case 'channel_line':
      case 'run_channel_open':
      case 'run_channel_archive':
        // Not one post to one place: channelNoticeDelivery.ts delivers these before they reach the composer.
        throw new Error(`${notice.kind} notices are delivered by channelNoticeDelivery.ts`);

      case 'webhook':
        // Not a Mattermost post: webhookSender.ts delivers these before they reach the composer.
        throw new Error('webhook notices are delivered by webhookSender.ts');
    }
  };
}

/** A worker's deliver step: compose the notice, then post it (or adopt the post an earlier attempt made). */
export function composingDeliverer(compose: (notice: Notice) => Promise<PostingNotice>, post: (claimed: ClaimedNotice & {notice: PostingNotice}) => Promise<DeliveryReceipt>) {
  return async (claimed: ClaimedNotice): Promise<DeliveryReceipt> => post({...claimed, notice: await compose(claimed.notice)});
}

/** The attachment (deadlines and fresh buttons) a handoff notice about this task would have now, for updating a notice in place. */
export function freshHandoffAttachment(compose: (notice: Notice) => Promise<PostingNotice>, tasks: Pick<TaskReads, 'findTask'>) {
  return async (receiverId: string, taskId: string): Promise<HandoffAttachment | undefined> => {
    const task = await tasks.findTask(taskId);
    if (!task) return undefined;
    const notice = await compose({kind: 'handoff', userId: receiverId, taskId, fromUserId: task.handedById ?? receiverId, previousHolderId: null, comment: null, idempotencyKey: `refresh:${taskId}`});
    if (notice.kind !== 'direct_post') return undefined;
    return (notice.post.props?.attachments as HandoffAttachment[] | undefined)?.[0];
  };
}
