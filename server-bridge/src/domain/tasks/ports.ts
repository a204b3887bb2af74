import type {ChannelSettingsReads, ChannelSettingsWrites} from '../channels/ports';
import type {SearchPlan} from '../search/searchTerms';
import type {OutboxWriter} from '../notices/ports';
import type {WorkflowReads, WorkflowWrites} from '../workflows/ports';
import type {Caller, Comment, Deadline, Task, TaskDraft, TaskEvent} from './task';
import type {AuditWriter} from '../audit/audit';

// What the task service needs from the outside world. Storage and the
// Mattermost adapter implement these; tests use real in-memory versions.

export interface ChannelAccess {
  /** Is the user a member of the channel (Mattermost is the source of truth)? */
  isMember(userId: string, channelId: string): Promise<boolean>;
  /** The channel's name (for the default key prefix), or undefined when unknown. */
  channelName(channelId: string): Promise<string | undefined>;
  /** The user's username (for the personal key prefix). */
  username(userId: string): Promise<string | undefined>;
  /** Every channel the user belongs to (for listing what they may see). */
  memberChannelIds(userId: string): Promise<string[]>;
  /** May the user change the channel's settings: a channel admin of it, or a system admin? */
  canManageChannel(userId: string, channelId: string): Promise<boolean>;
  /** Is the user a Mattermost system admin (role system_admin)? Asked fresh: a role just granted or removed counts at once. */
  isSystemAdmin(userId: string): Promise<boolean>;
  /** Is the user a Mattermost guest (role system_guest)? Asked fresh, like isSystemAdmin. */
  isGuest(userId: string): Promise<boolean>;
}

export type TaskSortField = 'updatedAt' | 'createdAt' | 'priority' | 'key' | 'due';

/** A listing, already narrowed to what the caller may see. */
export interface TaskListing {
  viewer: {userId: string; guest: boolean; channelIds: string[]};
  filters: {
    holderId?: string;
    creatorId?: string;
    channelId?: string;
    watcherId?: string;
    handedById?: string;
    accepted?: boolean;
    statusIds?: string[];
    statusCategory?: 'open' | 'closed';
    priorities?: string[];
    label?: string;
    caseId?: string;
    parentId?: string;
    dueKind?: string;
    dueBefore?: Date;
    dueAfter?: Date;
    overdue?: boolean;
    /** Title, description, case id or a live comment must match; title hits rank first. */
    search?: SearchPlan;
  };
  sort: {by: TaskSortField; dueKind: string | null; descending: boolean};
  limit: number;
  /** Opaque position from the previous page. */
  cursor?: string;
  now: Date;
}

export type NewTaskRow = Omit<Task, 'statusName' | 'statusCategory' | 'deadlines' | 'watcherIds' | 'progress'>;

export interface TaskWrites {
  /** Allocates the next key of a scope, creating its prefix from the candidates on first use. */
  nextKey(scope: string, prefixCandidates: string[]): Promise<string>;
  /**
   * Gives the scope a new key prefix and renames its tasks (PATENT-12 → PAT-12,
   * one `key` event each); old keys keep resolving. 'taken' when another scope
   * has ever used the prefix.
   */
  changeKeyPrefix(scope: string, prefix: string, by: {actorId: string; at: Date}): Promise<'changed' | 'unchanged' | 'taken'>;
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
  /** The scope's current key prefix; undefined before its first task or setting. */
  keyPrefix(scope: string): Promise<string | undefined>;
  findComment(taskId: string, commentId: string): Promise<Comment | undefined>;
  listComments(taskId: string): Promise<Comment[]>;
  timeline(taskId: string): Promise<TaskEvent[]>;
  listTasks(listing: TaskListing): Promise<{tasks: Task[]; nextCursor: string | null}>;
  /** How many tasks the viewer may see match each set of filters: the listing's visibility and filters, without paging. */
  countTasks<Name extends string>(counting: TaskCounting<Name>): Promise<Record<Name, number>>;
}

/** Several listings of one viewer, counted together (the sidebar counters). */
export interface TaskCounting<Name extends string> {
  viewer: TaskListing['viewer'];
  lists: Record<Name, TaskListing['filters']>;
  now: Date;
}

/** One transaction of the Baton store: task changes, workflow changes and the notices they cause commit together. */
export type TaskTx = TaskReads &
  TaskWrites & {workflows: WorkflowReads & WorkflowWrites; outbox: OutboxWriter; channels: ChannelSettingsReads & ChannelSettingsWrites; audit: AuditWriter};

export interface TaskStore extends TaskReads {
  workflows: WorkflowReads;
  channels: ChannelSettingsReads;
  /** Runs the work in one transaction: every change and its events commit together. */
  transaction<T>(work: (tx: TaskTx) => Promise<T>): Promise<T>;
}

/** A handoff or status change, as listeners see it (after it is applied, before commit). */
export interface TaskChange {
  kind: 'handed_off' | 'declined' | 'status_changed';
  before: Task;
  after: Task;
  actor: Caller;
  at: Date;
  comment?: string;
  /** For a workflow step completed as `done`: who the next step goes to, when that step's holder is chosen at handoff. */
  nextHolderId?: string;
}

/** Reacts to task changes inside their transaction; throwing rolls the whole change back. */
export interface TaskChangeListener {
  afterChange(tx: TaskTx, change: TaskChange, operations: TaskOperations): Promise<void>;
}

/** Task changes inside an open transaction, without authorization (callers check it). */
export interface TaskOperations {
  create(tx: TaskTx, actor: Caller, draft: TaskDraft): Promise<Task>;
  handOff(tx: TaskTx, actor: Caller, task: Task, input: {toUserId: string; comment?: string; expectedVersion?: number}): Promise<Task>;
  /** `acceptanceRequired`: the actor's setting, read before the transaction (closing an unaccepted handoff is then refused). */
  transition(tx: TaskTx, actor: Caller, task: Task, input: {statusId: string; comment?: string; expectedVersion?: number; nextHolderId?: string; acceptanceRequired?: boolean}): Promise<Task>;
  /** Sets (adds or replaces) these deadlines, one timeline event each. */
  setDeadlines(tx: TaskTx, actor: Caller, task: Task, deadlines: Deadline[]): Promise<Task>;
}

export interface Clock {
  now(): Date;
}
