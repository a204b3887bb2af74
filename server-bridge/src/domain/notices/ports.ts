import type {WebhookNotice} from '../webhooks/ports';

// Notices Baton sends to people (handoff DMs, reminders, channel notices) go
// through a transactional outbox: a service enqueues a notice in the same
// transaction as the change it reports, and a delivery worker posts it to
// Mattermost afterwards, retrying until it is delivered exactly once.

/** What a notice post says; the delivery adds `props.baton_notice_key`. */
export interface NoticePost {
  message: string;
  /** '' or a `custom_` type (Mattermost refuses anything else). */
  type?: string;
  props?: Record<string, unknown>;
}

/** A notice whose post is written when it is enqueued. */
export type PostNotice = (
  | {kind: 'direct_post'; /** Mattermost user id; the post goes to their DM with the bot. */ userId: string}
  | {kind: 'channel_post'; channelId: string}
) & {
  post: NoticePost;
};

/**
 * A notice about a change, written when it is delivered: in the receiver's
 * language and time zone, which the change's transaction cannot ask
 * Mattermost for (it may be unreachable, and a transaction must not wait on it).
 */
export type ChangeNotice =
  | {kind: 'handoff'; /** The new holder. */ userId: string; taskId: string; fromUserId: string; previousHolderId: string | null; comment: string | null}
  | {kind: 'declined'; /** Who handed it over and gets it back. */ userId: string; taskId: string; fromUserId: string; comment: string | null}
  | {kind: 'run_completed'; /** The requester. */ userId: string; runId: string; completedById: string}
  | {kind: 'holder_deactivated'; /** A watcher of the task. */ userId: string; taskId: string; /** The deactivated Mattermost account that holds it. */ holderId: string}
  | ChannelLineNotice
  | RunChannelNotice
  | DigestNotice
  | DeadlineReminderNotice
  | WebhookNotice;

/** One part of a digest: which tasks (most urgent first, at most a few) and how many there were in all. */
export interface DigestSection {
  name: 'overdue' | 'due_today' | 'due_soon' | 'due_this_week' | 'waiting' | 'done_last_week';
  /** `deadlineKind`: the deadline that put the task here; null for sections about people, not dates. */
  items: Array<{taskId: string; deadlineKind: string | null}>;
  total: number;
}

/** A person's daily digest or weekly summary (domain/reminders/digestJob.ts): which tasks, written at delivery. */
export interface DigestNotice {
  kind: 'digest';
  userId: string;
  period: 'daily' | 'weekly';
  /** The receiver's local date it is for, `YYYY-MM-DD`. */
  date: string;
  /** The receiver's "due soon" horizon when it was made, in business days. */
  dueSoonDays: number;
  sections: DigestSection[];
}

/**
 * Where a channel line goes: a channel of tasks, with its guest rule as it
 * was when the change happened, or a workflow run's own channel (known once
 * the delivery worker has created it, see run_channel_open).
 */
export type ChannelLineTarget = {channelId: string; excludeGuests: boolean} | {runId: string};

/** A short line in a channel about a task changing hands or a run completing (domain/notices/channelNotifier.ts), written at delivery. */
export interface ChannelLineNotice {
  kind: 'channel_line';
  target: ChannelLineTarget;
  event: {type: 'handoff'; taskId: string; fromUserId: string; toUserId: string} | {type: 'run_completed'; runId: string; completedById: string};
}

/** Work on a workflow run's own channel, which the delivery worker does (idempotently) like a notice: create it with the run's people, or archive it. */
export type RunChannelNotice =
  | {kind: 'run_channel_open'; runId: string; /** The people known when the run started; later holders join when the baton reaches them. */ userIds: string[]}
  | {kind: 'run_channel_archive'; runId: string; channelId: string};

/** One rung of the deadline ladder (domain/reminders/deadlineLadderJob.ts) for one person. */
export interface DeadlineReminderNotice {
  kind: 'deadline_reminder';
  userId: string;
  taskId: string;
  /** The deadline as it was when the rung came due; delivery shows the task's current one of that kind if it still has it. */
  deadline: {kind: string; dueAt: string; allDay: boolean; timeZone: string};
  /** holder: the person who must act; follower: the creator or a watcher, told of an overdue legal deadline. */
  audience: 'holder' | 'follower';
}

export type Notice = (PostNotice | ChangeNotice) & {
  /**
   * Names this notice for all time, e.g. `handoff:<taskId>:<eventId>`. Enqueuing
   * the same key again is a no-op, and a retried delivery finds an earlier post
   * by it instead of posting twice. Derive it from the change, never from a clock.
   */
  idempotencyKey: string;
};

/** Writes notices to the outbox; built on a transaction so they commit (or roll back) with it. */
export interface OutboxWriter {
  enqueue(notice: Notice): Promise<void>;
}

/** A notice ready to post: a PostNotice, or a ChangeNotice once written for its receiver. */
export type PostingNotice = PostNotice & {idempotencyKey: string};

/** One outbox row handed to a delivery attempt. */
export interface ClaimedNotice {
  id: string;
  notice: Notice;
  /** Attempts so far, this one included. */
  attempts: number;
  createdAt: Date;
  /**
   * When the first earlier attempt started, or null when this is the first
   * attempt. An earlier attempt may have posted without recording it (the
   * bridge died, the response was lost), so delivery must look for that post
   * from this moment on before posting again.
   */
  earlierAttemptsSince: Date | null;
}

/** What a delivered notice became in Mattermost. */
export interface DeliveryReceipt {
  postId: string;
  channelId: string;
  /** True when an earlier attempt's post was found and adopted instead of posting again. */
  adopted: boolean;
}

export interface OutboxHealth {
  /** Not delivered yet and still being tried (due now or waiting for a retry). */
  undelivered: number;
  /** Given up: Mattermost refused them for good (see last_error). */
  failed: number;
  /** Enqueue time of the oldest notice still being tried: a growing age means delivery is stuck. */
  oldestUndeliveredAt: Date | null;
}

/** The delivery side of the outbox, shared safely by any number of bridge replicas. */
export interface OutboxQueue {
  /**
   * Claims up to `limit` notices due at `now`, leasing each to the caller:
   * no other claimer gets it until the lease runs out, and a claimer that dies
   * mid-delivery leaves it to be claimed again after the lease.
   */
  claimDue(now: Date, limit: number): Promise<ClaimedNotice[]>;
  /** Records the post a notice became; the first recorded delivery wins. */
  markDelivered(id: string, receipt: DeliveryReceipt): Promise<void>;
  /** Records a failed attempt; `nextAttemptAt` null means never try again. */
  markFailed(id: string, error: string, nextAttemptAt: Date | null): Promise<void>;
  pending(): Promise<OutboxHealth>;
}

/**
 * Thrown by a deliverer when trying again cannot help: Mattermost refused the
 * notice itself (bad request, no permission, unknown user or channel). Every
 * other error is treated as passing and retried with backoff.
 */
export class UndeliverableNoticeError extends Error {
  override readonly name = 'UndeliverableNoticeError';
}
