import type {Comment, Deadline, Task, TaskEvent} from './task';

// What the task service needs from the outside world. Storage and the
// Mattermost adapter implement these; tests use real in-memory versions.

export interface ChannelAccess {
  /** Is the user a member of the channel (Mattermost is the source of truth)? */
  isMember(userId: string, channelId: string): Promise<boolean>;
  /** The channel's name (for the default key prefix), or undefined when unknown. */
  channelName(channelId: string): Promise<string | undefined>;
  /** The user's username (for the personal key prefix). */
  username(userId: string): Promise<string | undefined>;
}

export type NewTaskRow = Omit<Task, 'statusName' | 'statusCategory' | 'deadlines' | 'watcherIds' | 'progress'>;

export interface TaskWrites {
  /** Allocates the next key of a scope, creating its prefix from the candidates on first use. */
  nextKey(scope: string, prefixCandidates: string[]): Promise<string>;
  statusCategory(statusId: string): Promise<'open' | 'closed' | undefined>;
  insertTask(row: NewTaskRow): Promise<void>;
  /** Applies the changes only if the stored version is `expectedVersion`; false when stale. */
  updateTask(id: string, expectedVersion: number, changes: Partial<NewTaskRow>): Promise<boolean>;
  setDeadline(taskId: string, deadline: Deadline): Promise<void>;
  removeDeadline(taskId: string, kind: string): Promise<void>;
  addWatchers(taskId: string, userIds: string[]): Promise<string[]>;
  removeWatcher(taskId: string, userId: string): Promise<boolean>;
  insertComment(comment: Comment): Promise<void>;
  updateComment(id: string, changes: Pick<Comment, 'updatedAt'> & Partial<Pick<Comment, 'body' | 'deletedAt'>>): Promise<void>;
  appendEvents(events: Array<Omit<TaskEvent, 'id'>>): Promise<void>;
}

export interface TaskReads {
  /** By id or by key (`PAT-12`). */
  findTask(idOrKey: string): Promise<Task | undefined>;
  findComment(taskId: string, commentId: string): Promise<Comment | undefined>;
  listComments(taskId: string): Promise<Comment[]>;
  timeline(taskId: string): Promise<TaskEvent[]>;
}

export interface TaskStore extends TaskReads {
  /** Runs the work in one transaction: every change and its events commit together. */
  transaction<T>(work: (tx: TaskReads & TaskWrites) => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
}
