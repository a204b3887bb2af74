import type {Deadline} from '../tasks/task';

// What the reminder jobs need from storage and Mattermost. Storage
// implements the reads (storage/reminderRepository.ts); Mattermost knows
// each person's time zone.

/** One deadline of an open task, with the people a reminder about it may go to. */
export interface OpenDeadline {
  taskId: string;
  channelId: string | null;
  holderId: string | null;
  creatorId: string;
  watcherIds: string[];
  deadline: Deadline;
}

export interface ReminderReads {
  /** Everyone a digest may be for: holders of open tasks, senders waiting on an open task, and everyone with settings. */
  digestRecipients(): Promise<string[]>;
  /** Every deadline of an open task due before `before`, overdue ones included, soonest first. */
  openDeadlinesBefore(before: Date): Promise<OpenDeadline[]>;
  /** Which of these outbox idempotency keys were enqueued already (delivered or not). */
  enqueuedKeys(keys: readonly string[]): Promise<Set<string>>;
}

export interface ReminderPeople {
  /** The person's Mattermost time zone (IANA); the adapter falls back to UTC when unknown. */
  timeZone(userId: string): Promise<string>;
}
