import type {ApiTokenScope} from '../../contract/apiTokens';

// The task as Baton's rules see it. The person who must act next holds the
// baton (`holderId`); `version` guards every change against silent overwrites.

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type StatusCategory = 'open' | 'closed';

export interface Deadline {
  /** `legal`, `customer`, `internal` or a custom name. */
  kind: string;
  dueAt: Date;
  /** A date without a time: due at the end of that day in `timeZone`. */
  allDay: boolean;
  timeZone: string;
}

export interface CaseRef {
  id: string;
  url: string;
}

export interface Task {
  id: string;
  key: string;
  channelId: string | null;
  title: string;
  description: string;
  statusId: string;
  statusName: string;
  statusCategory: StatusCategory;
  priority: Priority;
  holderId: string | null;
  /** Who passed the baton to the current holder; null when nobody did. */
  handedById: string | null;
  /** When the current holder accepted it; null until then (or when nobody handed it over). */
  acceptedAt: Date | null;
  creatorId: string;
  startDate: string | null;
  parentId: string | null;
  labels: string[];
  caseRef: CaseRef | null;
  sourcePostId: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  version: number;
  deadlines: Deadline[];
  watcherIds: string[];
  /** Of a parent: how many sub-tasks are closed; null without sub-tasks. */
  progress: {done: number; total: number} | null;
  /** Who asked, for a task from a channel's web intake (not a Mattermost user); absent or null otherwise. */
  externalContact?: ExternalContact | null;
}

/** A person outside Mattermost a task is for: the submitter of a web intake form. */
export interface ExternalContact {
  name: string;
  email: string;
}

/**
 * How the caller reached Baton when it was not a person's own session,
 * command, button or dialog: the audit log records it as the change's source.
 */
export type CallerVia =
  /**
   * An API token of a business system (domain/tokens/): the caller is the
   * Baton bot, limited to the token's scopes and, unless null, its channels.
   * Absent scopes or channelIds (a caller made elsewhere than the token
   * service) mean none: a token is never given more than it says.
   */
  | {kind: 'token'; tokenId: string; scopes?: readonly ApiTokenScope[]; channelIds?: readonly string[] | null}
  | {kind: 'scheduler'; job: string}
  | {kind: 'intake'; channelId: string};

/** Who is acting, as Mattermost knows them. */
export interface Caller {
  userId: string;
  /** Mattermost guest account (role system_guest). */
  guest: boolean;
  /** Absent: the person themselves (session, `/task`, a button or a dialog). */
  via?: CallerVia;
}

export interface Comment {
  id: string;
  taskId: string;
  authorId: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export type EventKind =
  | 'created'
  | 'field_changed'
  | 'handed_off'
  | 'accepted'
  | 'declined'
  | 'baton_passed'
  | 'status_changed'
  | 'commented'
  | 'comment_edited'
  | 'comment_deleted'
  | 'watched'
  | 'unwatched';

export interface TaskEvent {
  id: string;
  taskId: string;
  actorId: string;
  at: Date;
  kind: EventKind;
  field: string | null;
  from: unknown;
  to: unknown;
}

/** What a new task needs; defaults are applied by the service. */
export interface TaskDraft {
  title: string;
  description?: string;
  channelId?: string | null;
  holderId?: string | null;
  priority?: Priority;
  statusId?: string;
  deadlines?: Deadline[];
  startDate?: string | null;
  parentId?: string | null;
  labels?: string[];
  caseRef?: CaseRef | null;
  sourcePostId?: string | null;
  watcherIds?: string[];
  externalContact?: ExternalContact | null;
}

/** Editable fields; holder and status change through handoff and transition. */
export interface TaskChanges {
  title?: string;
  description?: string;
  priority?: Priority;
  /** Per kind: a deadline to set, or null to remove that kind. */
  deadlines?: Record<string, Omit<Deadline, 'kind'> | null>;
  startDate?: string | null;
  parentId?: string | null;
  labels?: string[];
  caseRef?: CaseRef | null;
}
