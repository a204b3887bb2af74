import type {Caller} from '../tasks/task';

// The audit log: every change to Baton's data, by whom, through what, when,
// and what the thing looked like before and after. Entries are written in
// the transaction of the change they describe (a change that rolls back
// leaves no entry) and are never updated or deleted: the table refuses it
// (storage/migrations/0012_audit_log.ts), whatever the application does.

/** What was changed. */
export type AuditEntityType =
  | 'task'
  | 'comment'
  | 'workflow_template'
  | 'workflow_run'
  | 'recurrence'
  | 'channel_settings'
  | 'user_settings'
  | 'reminder_snooze'
  | 'api_token'
  | 'webhook_subscription'
  | 'intake';

/**
 * Where the change came from: a person (their webapp session, `/task`, a
 * button or a dialog), an API token of a business system, the scheduler
 * (recurring tasks), or a channel's web intake.
 */
export type AuditSource = 'user' | 'token' | 'scheduler' | 'intake';

export interface AuditEntry {
  at: Date;
  actor: Caller;
  /** `<entity>.<verb>`, e.g. `task.created`, `task.handed_off`, `comment.deleted`. */
  action: string;
  entity: {type: AuditEntityType; id: string};
  /** JSON-able snapshots; null when the thing did not exist before (or after). */
  before: unknown;
  after: unknown;
}

/** One stored entry, as an export shows it. */
export interface AuditRecord {
  /** Grows with every entry: the export's order and cursor. */
  id: string;
  at: Date;
  actorId: string;
  source: AuditSource;
  /** The token id, the scheduler job or the intake's channel; null for a person. */
  sourceId: string | null;
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Written inside the transaction of the change (TaskTx.audit). */
export interface AuditWriter {
  record(entry: AuditEntry): Promise<void>;
}

export interface AuditRange {
  from: Date;
  /** Exclusive. */
  to: Date;
  /** The last id of the previous page. */
  afterId?: string;
  limit: number;
}

export interface AuditReads {
  /** Entries with from ≤ at < to, oldest first. */
  listRange(range: AuditRange): Promise<AuditRecord[]>;
}

export function auditSource(caller: Caller): {source: AuditSource; sourceId: string | null} {
  const via = caller.via;
  if (!via) return {source: 'user', sourceId: null};
  switch (via.kind) {
    case 'token':
      return {source: 'token', sourceId: via.tokenId};
    case 'scheduler':
      return {source: 'scheduler', sourceId: via.job};
    case 'intake':
      return {source: 'intake', sourceId: via.channelId};
  }
}
