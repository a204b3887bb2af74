import {type ChannelLineNotice, type ClaimedNotice, type DeliveryReceipt, type PostingNotice, type RunChannelNotice, UndeliverableNoticeError} from '../domain/notices/ports';
import type {TaskStore} from '../domain/tasks/ports';
import type {Task} from '../domain/tasks/task';
import type {WorkflowRun} from '../domain/workflows/ports';
import type {Logger} from '../logging/logger';
import type {BotChannels} from '../mattermost/botChannels';
import {MattermostRequestError} from '../mattermost/client';
import {isPermanentMattermostFailure} from '../mattermost/posts';
import {type ChannelLineEvent, writeChannelLine} from './channelLine';
import type {DeliverNotice} from './deliveryWorker';
import {truncate} from './mattermostMarkdown';

// Delivers the outbox's channel work, which is not one post to one person:
//
// - channel_line: the short line about a handoff or a completed run, in a
//   task's channel or in a run's own channel. "Everyone except guests":
//   Mattermost has no per-post audience (a channel post is seen by every
//   member, guests included), so while a channel whose settings exclude
//   guests has guest members (counted by GET /channels/{id}/stats), each
//   other member gets the line as an ephemeral post instead — shown in the
//   channel, to them only, until they reload, and never stored. A channel
//   with more than EPHEMERAL_CAP members besides its guests is not told one
//   by one (that would flood Mattermost): the line is logged and skipped. Without guests it is one ordinary post, adopted on retry like
//   any notice post (props.baton_notice_key). Ephemeral posts cannot be
//   looked up afterwards, so a retry after a partial fan-out may show some
//   members the line twice; never a guest.
// - run_channel_open: the run's private channel, in the team of the run's
//   channel, named after the case and the run (baton-<case>-<run id prefix>).
//   The name is looked up before creating, and the channel id is stored only
//   after the members are in, so a retry after any failure (Mattermost away,
//   the bridge stopped between creating and storing) finds the same channel
//   and never makes a second one. When Mattermost refuses for good (the
//   run's channel is in no team, no permission), the reason is stored and
//   the run's channel lines are given up rather than retried forever.
// - run_channel_archive: archives it (DELETE /channels/{id}); an already
//   archived channel counts as done.
//
// Everything else goes to `next` (the composing deliverer of DMs and posts).

/** Mattermost's answer to a channel name already taken in the team (store.ChannelExistsError). */
const CHANNEL_EXISTS = 'store.sql_channel.save_channel.exists.app_error';

/** Most channel members a guest-excluding line is sent to one by one. */
export const EPHEMERAL_CAP = 200;

export interface ChannelNoticeDeliveryDeps {
  store: Pick<TaskStore, 'findTask' | 'workflows' | 'transaction'>;
  channels: BotChannels;
  /** Posts one notice post to a channel, adopting an earlier attempt's (mattermost/posts.ts createNoticeDeliverer). */
  post(claimed: ClaimedNotice & {notice: PostingNotice}): Promise<DeliveryReceipt>;
  people: {username(userId: string): Promise<string | undefined>};
  taskUrl(task: Task): Promise<string>;
  logger: Pick<Logger, 'info' | 'warn'>;
  ephemeralCap?: number;
}

type ChannelWork = ChannelLineNotice | RunChannelNotice;

export function createChannelNoticeDeliverer(deps: ChannelNoticeDeliveryDeps, next: DeliverNotice): DeliverNotice {
  const cap = deps.ephemeralCap ?? EPHEMERAL_CAP;
  const name = async (userId: string) => (await deps.people.username(userId)) ?? userId;

  async function taskOf(id: string): Promise<Task> {
    const task = await deps.store.findTask(id);
    if (!task) throw new UndeliverableNoticeError(`line about task ${id}, which no longer exists`);
    return task;
  }

  async function runOf(id: string): Promise<WorkflowRun> {
    const run = await deps.store.workflows.findRun(id);
    if (!run) throw new UndeliverableNoticeError(`run ${id} no longer exists`);
    return run;
  }

  async function lineEvent(event: ChannelLineNotice['event']): Promise<ChannelLineEvent> {
    if (event.type === 'handoff') {
      const task = await taskOf(event.taskId);
      const [from, to, url] = await Promise.all([name(event.fromUserId), name(event.toUserId), deps.taskUrl(task)]);
      return {type: 'handoff', task: {key: task.key, title: task.title, url}, from, to};
    }
    const run = await runOf(event.runId);
    const [finisher, url] = await Promise.all([name(event.completedById), deps.taskUrl(await taskOf(run.parentTaskId))]);
    return {type: 'run_completed', run: {title: run.title, url}, finisher};
  }

  /** Adds people to a channel; a refusal (they left the team, were deactivated) is logged, not fatal: the line still goes out. */
  async function addMembers(channelId: string, userIds: string[], about: Record<string, unknown>): Promise<void> {
    try {
      await deps.channels.addMembers(channelId, userIds);
    } catch (error) {
      if (!isPermanentMattermostFailure(error)) throw error;
      deps.logger.warn({...about, channelId, userIds, error: (error as Error).message}, 'run channel: Mattermost refused to add members; going on without them');
    }
  }

  async function deliverLine(claimed: ClaimedNotice, notice: ChannelLineNotice & {idempotencyKey: string}): Promise<DeliveryReceipt> {
    const about = {key: notice.idempotencyKey};
    let channelId: string;
    let excludeGuests = false;
    if ('runId' in notice.target) {
      const run = await runOf(notice.target.runId);
      if (!run.runChannel) throw new UndeliverableNoticeError(`run ${run.id} was started without a run channel`);
      if (run.runChannel.failure) throw new UndeliverableNoticeError(`the channel of run ${run.id} could not be created: ${run.runChannel.failure}`);
      // Made by run_channel_open, enqueued before this line: a passing wait.
      if (!run.runChannel.channelId) throw new Error(`the channel of run ${run.id} is not created yet`);
      channelId = run.runChannel.channelId;
      // Holders chosen during the run join when the baton reaches them.
      if (notice.event.type === 'handoff') await addMembers(channelId, [notice.event.toUserId], about);
    } else {
      channelId = notice.target.channelId;
      excludeGuests = notice.target.excludeGuests;
    }
    const [locale, event] = await Promise.all([deps.channels.defaultLocale(), lineEvent(notice.event)]);
    const post = {message: writeChannelLine(locale, event)};
    // Guests are counted, not listed: a channel without any gets the ordinary post.
    const guests = excludeGuests ? (await deps.channels.stats(channelId)).guestCount : 0;
    if (guests > 0) {
      const {members, more} = await deps.channels.members(channelId, cap + guests);
      const recipients = members.filter((member) => !member.guest);
      if (more || recipients.length > cap) {
        deps.logger.warn({...about, channelId, cap}, `channel notice skipped: the channel has guests and more than ${cap} members to tell one by one`);
        return {postId: '', channelId, adopted: false};
      }
      const sent = [];
      for (const member of recipients) sent.push(await deps.channels.sendEphemeral(member.userId, channelId, post));
      return {postId: sent[0]?.id ?? '', channelId, adopted: false};
    }
    return deps.post({...claimed, notice: {kind: 'channel_post', channelId, post, idempotencyKey: notice.idempotencyKey}});
  }

  /** `baton-<case or title>-<first 8 of the run id>`: lowercase letters, digits and single hyphens, as Mattermost requires of channel names. */
  function runChannelName(run: WorkflowRun, caseId: string | undefined): string {
    const slug = (text: string) =>
      text
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40)
        .replace(/-+$/, '');
    const short = run.id.replace(/[^a-zA-Z0-9]/g, '').slice(0, 8).toLowerCase();
    return `baton-${slug(caseId ?? '') || slug(run.title) || 'run'}-${short}`;
  }

  /** Creates the channel; when Mattermost says the name exists (a lookup read a replica that lacked it), finds it. */
  async function createOrFind(teamId: string, name: string, displayName: string): Promise<string> {
    try {
      return (await deps.channels.createPrivate({teamId, name, displayName, purpose: ''})).id;
    } catch (error) {
      if (!(error instanceof MattermostRequestError && error.mattermostId === CHANNEL_EXISTS)) throw error;
      const found = await deps.channels.findByName(teamId, name);
      if (!found) throw new Error(`Mattermost says channel ${name} exists but does not find it yet`);
      return found.id;
    }
  }

  /** Opens the run channel; when Mattermost refuses for good, records why, so the run's channel lines give up too instead of waiting forever. */
  async function openRunChannel(notice: Extract<RunChannelNotice, {kind: 'run_channel_open'}>): Promise<DeliveryReceipt> {
    try {
      return await createRunChannel(notice);
    } catch (error) {
      if (!(error instanceof UndeliverableNoticeError) && !isPermanentMattermostFailure(error)) throw error;
      const reason = (error as Error).message;
      await deps.store.transaction((tx) => tx.workflows.recordRunChannelFailure(notice.runId, reason));
      throw new UndeliverableNoticeError(reason);
    }
  }

  async function createRunChannel(notice: Extract<RunChannelNotice, {kind: 'run_channel_open'}>): Promise<DeliveryReceipt> {
    const run = await runOf(notice.runId);
    if (run.runChannel?.channelId) return {postId: '', channelId: run.runChannel.channelId, adopted: true};
    const teamId = await deps.channels.teamOf(run.channelId);
    if (!teamId) throw new UndeliverableNoticeError(`run ${run.id}: its channel belongs to no team, so a run channel cannot be made`);
    const parent = await deps.store.findTask(run.parentTaskId);
    const name = runChannelName(run, parent?.caseRef?.id);
    const existing = await deps.channels.findByName(teamId, name);
    if (existing?.archived) deps.logger.warn({runId: run.id, channelId: existing.id}, 'run channel: found archived before Baton recorded it; keeping it');
    const channelId = existing?.id ?? (await createOrFind(teamId, name, truncate(run.title, 63).text));
    if (!existing?.archived) await addMembers(channelId, notice.userIds, {runId: run.id});
    await deps.store.transaction((tx) => tx.workflows.recordRunChannel(run.id, channelId));
    deps.logger.info({runId: run.id, channelId, found: existing !== undefined}, 'run channel ready');
    return {postId: '', channelId, adopted: existing !== undefined};
  }

  async function deliver(claimed: ClaimedNotice, notice: ChannelWork & {idempotencyKey: string}): Promise<DeliveryReceipt> {
    switch (notice.kind) {
      case 'channel_line':
        return deliverLine(claimed, notice);
      case 'run_channel_open':
        return openRunChannel(notice);
      case 'run_channel_archive': {
        const outcome = await deps.channels.archive(notice.channelId);
        deps.logger.info({runId: notice.runId, channelId: notice.channelId, outcome}, 'run channel archived');
        return {postId: '', channelId: notice.channelId, adopted: outcome === 'already'};
      }
    }
  }

  return async (claimed) => {
    const {notice} = claimed;
    if (notice.kind !== 'channel_line' && notice.kind !== 'run_channel_open' && notice.kind !== 'run_channel_archive') return next(claimed);
    try {
      return await deliver(claimed, notice);
    } catch (error) {
      if (isPermanentMattermostFailure(error)) throw new UndeliverableNoticeError((error as Error).message);
      throw error;
    }
  };
}
