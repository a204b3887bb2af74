import type {Notice} from '../domain/notices/ports';
import type {ColumnType, Generated} from 'kysely';

// Row types of the tables, as Kysely sees them. Migrations in ./migrations
// create the tables; keep this file in step with them (the storage tests
// exercise every table through a repository).

export interface BridgeSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface DatabaseSchema {
  bridge_settings: BridgeSettingsTable;
  task_statuses: TaskStatusesTable;
  task_key_sequences: TaskKeySequencesTable;
  task_key_prefixes: TaskKeyPrefixesTable;
  tasks: TasksTable;
  task_deadlines: TaskDeadlinesTable;
  task_watchers: TaskWatchersTable;
  task_comments: TaskCommentsTable;
  task_events: TaskEventsTable;
}

export interface TaskStatusesTable {
  id: string;
  channel_id: string | null;
  name: string;
  category: 'open' | 'closed';
  position: number;
}

export interface TaskKeySequencesTable {
  scope: string;
  prefix: string;
  next_number: ColumnType<number, number | undefined, number>;
}

/** Every prefix a scope has used, current and retired (old keys keep resolving). */
export interface TaskKeyPrefixesTable {
  prefix: string;
  scope: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface TasksTable {
  id: string;
  key: string;
  channel_id: string | null;
  title: string;
  description: string;
  status_id: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  holder_id: string | null;
  creator_id: string;
  /** ISO date (YYYY-MM-DD); node-postgres returns `date` as text here (see database.ts). */
  start_date: string | null;
  parent_id: string | null;
  labels: string[];
  case_id: string | null;
  case_url: string | null;
  source_post_id: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  version: number;
  /** Has a database default; the repository fills it (search). */
  search_terms: ColumnType<string[], string[] | undefined, string[]>;
}

export interface TaskDeadlinesTable {
  task_id: string;
  kind: string;
  due_at: Date;
  all_day: boolean;
  time_zone: string;
}

export interface TaskWatchersTable {
  task_id: string;
  user_id: string;
}

export interface TaskCommentsTable {
  id: string;
  task_id: string;
  author_id: string;
  body: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  search_terms: ColumnType<string[], string[] | undefined, string[]>;
}

export interface TaskEventsTable {
  id: Generated<string>;
  task_id: string;
  actor_id: string;
  at: Date;
  kind: string;
  field: string | null;
  from_value: ColumnType<unknown, string | null, string | null>;
  to_value: ColumnType<unknown, string | null, string | null>;
}

// Search text (migration 0003): the normalised text that decides a search
// match after the GIN-indexed search_terms found the candidates. Written with
// search_terms by the helpers in taskSearch.ts; optional on insert like
// search_terms (the column defaults to ''). Declaration merging adds the
// column to the row types above.

export interface TasksTable {
  search_text: ColumnType<string, string | undefined, string>;
}

export interface TaskCommentsTable {
  search_text: ColumnType<string, string | undefined, string>;
}

// The notice outbox (migration 0005, outboxRepository.ts).

export interface DatabaseSchema {
  outbox: OutboxTable;
}

export interface OutboxTable {
  /** bigint identity; node-postgres returns int8 as text. */
  id: Generated<string>;
  idempotency_key: string;
  kind: Notice['kind'];
  /** The notice without its kind and key: {userId | channelId, post}. */
  payload: ColumnType<unknown, string, string>;
  created_at: Date;
  next_attempt_at: Date | null;
  attempts: ColumnType<number, number | undefined, number>;
  first_attempt_started_at: Date | null;
  last_attempt_started_at: Date | null;
  last_error: string | null;
  delivered_at: Date | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
}

// Workflows and handoff state (migration 0006, workflowRepository.ts).

export interface DatabaseSchema {
  workflow_templates: WorkflowTemplatesTable;
  workflow_template_versions: WorkflowTemplateVersionsTable;
  workflow_runs: WorkflowRunsTable;
  workflow_run_steps: WorkflowRunStepsTable;
}

export interface TasksTable {
  /** Who gave the current holder the baton; null when nobody did (created with a holder, or no holder). */
  handed_by_id: ColumnType<string | null, string | null | undefined, string | null>;
  accepted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface WorkflowTemplatesTable {
  id: string;
  name: string;
  current_version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface WorkflowTemplateVersionsTable {
  template_id: string;
  version: number;
  /** JSON text in, parsed object out (jsonb). */
  definition: ColumnType<unknown, string, never>;
  created_by: string;
  created_at: Date;
}

export interface WorkflowRunsTable {
  id: string;
  template_id: string;
  template_version: number;
  title: string;
  channel_id: string;
  requester_id: string;
  roles: ColumnType<unknown, string, string>;
  deadlines: ColumnType<unknown, string, string>;
  parent_task_id: string;
  status: 'active' | 'completed' | 'cancelled';
  current_step: number | null;
  started_at: Date;
  completed_at: Date | null;
}

export interface WorkflowRunStepsTable {
  run_id: string;
  position: number;
  task_id: string;
  started_at: Date | null;
  completed_at: Date | null;
}

// Used button/dialog contexts (migration 0009, actionNonceRepository.ts).

export interface DatabaseSchema {
  action_nonces: ActionNoncesTable;
}

export interface ActionNoncesTable {
  nonce: string;
  used_at: Date;
  expires_at: Date;
}

// Recurring tasks and workflow runs (migration 0008, recurrenceRepository.ts).

export interface DatabaseSchema {
  recurrences: RecurrencesTable;
  recurrence_occurrences: RecurrenceOccurrencesTable;
}

export interface RecurrencesTable {
  id: string;
  kind: 'task' | 'workflow_run';
  channel_id: string;
  created_by: string;
  /** JSON text in, parsed object out (jsonb). */
  schedule: ColumnType<unknown, string, string>;
  template: ColumnType<unknown, string, string>;
  next_due_at: Date | null;
  paused: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  last_problem: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Date;
  updated_at: Date;
}

export interface RecurrenceOccurrencesTable {
  recurrence_id: string;
  occurrence_date: string;
  task_id: ColumnType<string | null, string | null | undefined, string | null>;
  run_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Date;
}

// Each person's own settings (migration 0007, userSettingsRepository.ts).

export interface DatabaseSchema {
  user_settings: UserSettingsTable;
}

export interface UserSettingsTable {
  user_id: string;
  /** `HH:mm` in the person's Mattermost time zone. */
  digest_time: ColumnType<string, string | undefined, string>;
  digest_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  weekly_summary: ColumnType<boolean, boolean | undefined, boolean>;
  due_soon_days: ColumnType<number, number | undefined, number>;
  muted_deadline_kinds: ColumnType<string[], string[] | undefined, string[]>;
  require_acceptance: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Date;
}

// Channel notice settings and workflow run channels (migration 0010,
// channelSettingsRepository.ts, runChannelRepository.ts).

export interface DatabaseSchema {
  channel_settings: ChannelSettingsTable;
  workflow_run_channels: WorkflowRunChannelsTable;
}

export interface ChannelSettingsTable {
  channel_id: string;
  handoff_notices: boolean;
  exclude_guests: boolean;
  updated_by: string;
  updated_at: Date;
}

export interface WorkflowRunChannelsTable {
  run_id: string;
  requested_at: Date;
  channel_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  archive_requested_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  failure: ColumnType<string | null, string | null | undefined, string | null>;
}

// Snoozed reminders (migration 0011, reminderSnoozeRepository.ts).

export interface DatabaseSchema {
  reminder_snoozes: ReminderSnoozesTable;
}

export interface ReminderSnoozesTable {
  user_id: string;
  task_id: string;
  deadline_kind: string;
  /** `YYYY-MM-DD` in the person's time zone: the first day reminders come again. */
  until_date: string;
  snoozed_at: Date;
}

// The audit log (migration 0012, auditRepository.ts): append-only.

export interface DatabaseSchema {
  audit_log: AuditLogTable;
}

export interface AuditLogTable {
  id: ColumnType<string, never, never>;
  at: Date;
  actor_id: string;
  source: string;
  source_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
}

// API tokens and external references of tasks (migration 0013,
// apiTokenRepository.ts, externalRefRepository.ts).

export interface DatabaseSchema {
  api_tokens: ApiTokensTable;
  task_external_refs: TaskExternalRefsTable;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  /** Hex SHA-256 of the token's secret; the token itself is never stored. */
  token_hash: string;
  scopes: string[];
  /** Null: every channel. */
  channel_ids: string[] | null;
  created_by: string;
  created_at: Date;
  last_used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface TaskExternalRefsTable {
  source: string;
  external_id: string;
  task_id: string;
  created_at: Date;
}

// Outgoing webhooks (migration 0014, webhookRepository.ts).

export interface DatabaseSchema {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

export interface WebhookSubscriptionsTable {
  id: string;
  /** Null: every channel. */
  channel_id: string | null;
  url: string;
  event_types: string[];
  /** Kept as is: the bridge signs deliveries with it (migration 0014 says why it is not hashed). */
  secret: string;
  created_by: string;
  created_at: Date;
  disabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_status: ColumnType<number | null, number | null | undefined, number | null>;
  last_attempt_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  event_type: string;
  created_at: Date;
  attempts: ColumnType<number, number | undefined, number>;
  last_status: ColumnType<number | null, number | null | undefined, number | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  last_attempt_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  delivered_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  gave_up_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

// Web intake and guest permissions (migration 0015, intakeRepository.ts,
// channelSettingsRepository.ts).

export interface DatabaseSchema {
  intake_endpoints: IntakeEndpointsTable;
}

export interface ChannelSettingsTable {
  guests_may_create_tasks: ColumnType<boolean, boolean | undefined, boolean>;
  triage_holder_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TasksTable {
  /** Who asked, for a task from a web intake: not a Mattermost user. */
  external_contact_name: ColumnType<string | null, string | null | undefined, string | null>;
  external_contact_email: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IntakeEndpointsTable {
  id: string;
  channel_id: string;
  name: string;
  /** Hex SHA-256 of the URL token; the token itself is never stored. */
  token_hash: string;
  secret_hash: string | null;
  honeypot_field: string | null;
  created_by: string;
  created_at: Date;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  submissions: ColumnType<number, number | undefined, number>;
  spam_caught: ColumnType<number, number | undefined, number>;
  last_submission_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
