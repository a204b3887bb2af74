import type {z} from 'zod';
import {auditExportQuerySchema, auditExportSchema} from '../contract/audit';
import {intakeCreateSchema, intakeCreatedSchema, intakeListSchema, intakeSchema} from '../contract/intake';
import {webhookCreateSchema, webhookCreatedSchema, webhookDetailSchema, webhookListSchema, webhookPayloadSchema, webhookSchema} from '../contract/webhooks';
import {
  acceptSchema,
  apiErrorSchema,
  declineSchema,
  workflowDefinitionSchema,
  workflowExportSchema,
  workflowRunSchema,
  workflowRunStartSchema,
  workflowTemplateListSchema,
  workflowTemplateSchema,
  channelSettingsPatchSchema,
  channelSettingsSchema,
  caseRefSchema,
  commentCreateSchema,
  commentPageSchema,
  commentSchema,
  commentUpdateSchema,
  deadlineChangeSchema,
  deadlineInputSchema,
  deadlineSchema,
  fieldIssueSchema,
  handoffSchema,
  pageQuerySchema,
  taskListPageSchema,
  taskListQuerySchema,
  taskExportQuerySchema,
  taskExportSchema,
  taskCreateSchema,
  taskPatchSchema,
  taskProgressSchema,
  taskSchema,
  taskStatusSchema,
  timelineEventSchema,
  timelinePageSchema,
  transitionSchema,
  personStatsSchema,
  statsPeriodSchema,
  durationSummarySchema,
  statsQuerySchema,
  workflowStatsSchema,
  recurrenceCreateSchema,
  recurrenceListQuerySchema,
  recurrenceListSchema,
  recurrencePatchSchema,
  recurrenceViewSchema,
  userSettingsPatchSchema,
  userSettingsSchema,
  myCountersSchema,
  apiTokenCreateSchema,
  apiTokenCreatedSchema,
  apiTokenListSchema,
  apiTokenSchema,
  externalTaskPutSchema,
  stepCompleteSchema,
} from '../contract';

// What /api/v1 offers, one row per operation. openapi.ts turns this table and
// the contract schemas into the OpenAPI document; the routes themselves are
// written by hand and checked against the same schemas.

/** Request bodies: described as clients send them (defaults may be left out). */
export const requestComponents = {
  TaskCreate: taskCreateSchema,
  TaskPatch: taskPatchSchema,
  DeadlineInput: deadlineInputSchema,
  DeadlineChange: deadlineChangeSchema,
  Handoff: handoffSchema,
  Transition: transitionSchema,
  CommentCreate: commentCreateSchema,
  CommentUpdate: commentUpdateSchema,
  ChannelSettingsPatch: channelSettingsPatchSchema,
  IntakeCreate: intakeCreateSchema,
  Accept: acceptSchema,
  Decline: declineSchema,
  WorkflowDefinition: workflowDefinitionSchema,
  WorkflowExport: workflowExportSchema,
  WorkflowRunStart: workflowRunStartSchema,
  RecurrenceCreate: recurrenceCreateSchema,
  RecurrencePatch: recurrencePatchSchema,
  UserSettingsPatch: userSettingsPatchSchema,
  ApiTokenCreate: apiTokenCreateSchema,
  ExternalTaskPut: externalTaskPutSchema,
  StepComplete: stepCompleteSchema,
  WebhookCreate: webhookCreateSchema,
} satisfies Record<string, z.ZodType>;

/** Response bodies: described as the bridge sends them. */
export const responseComponents = {
  Task: taskSchema,
  TaskStatus: taskStatusSchema,
  TaskProgress: taskProgressSchema,
  Deadline: deadlineSchema,
  CaseRef: caseRefSchema,
  Comment: commentSchema,
  TaskListPage: taskListPageSchema,
  TaskExport: taskExportSchema,
  AuditExport: auditExportSchema,
  CommentPage: commentPageSchema,
  TimelineEvent: timelineEventSchema,
  TimelinePage: timelinePageSchema,
  ChannelSettings: channelSettingsSchema,
  Intake: intakeSchema,
  IntakeCreated: intakeCreatedSchema,
  IntakeList: intakeListSchema,
  WorkflowTemplate: workflowTemplateSchema,
  WorkflowTemplateList: workflowTemplateListSchema,
  WorkflowExportFile: workflowExportSchema,
  WorkflowRun: workflowRunSchema,
  ApiError: apiErrorSchema,
  FieldIssue: fieldIssueSchema,
  Recurrence: recurrenceViewSchema,
  RecurrenceList: recurrenceListSchema,
  PersonStats: personStatsSchema,
  WorkflowStats: workflowStatsSchema,
  StatsPeriod: statsPeriodSchema,
  DurationSummary: durationSummarySchema,
  UserSettings: userSettingsSchema,
  MyCounters: myCountersSchema,
  ApiToken: apiTokenSchema,
  ApiTokenCreated: apiTokenCreatedSchema,
  ApiTokenList: apiTokenListSchema,
  Webhook: webhookSchema,
  WebhookCreated: webhookCreatedSchema,
  WebhookDetail: webhookDetailSchema,
  WebhookList: webhookListSchema,
  /** Not an answer of the API: the body Baton POSTs to a webhook's URL (README "Webhooks"). */
  WebhookPayload: webhookPayloadSchema,
} satisfies Record<string, z.ZodType>;

export type RequestComponent = keyof typeof requestComponents;
export type ResponseComponent = keyof typeof responseComponents;

export const errorResponses = {
  400: {name: 'BadRequest', description: 'The request breaks the contract; `message` and `details.issues` say what is allowed.'},
  401: {
    name: 'Unauthorized',
    description:
      'No valid bridge session or API token; `details.reason` is missing, malformed, expired, bad_signature or deactivated (the Mattermost account was deactivated), or for API tokens token_unknown or token_revoked.',
  },
  403: {
    name: 'Forbidden',
    description:
      'The caller may see the task but not do this (e.g. a guest editing someone else’s task); for API tokens also baton.forbidden.scope (`details.scope` names the scope the token lacks) and baton.forbidden.token_route (a route for people’s sessions only).',
  },
  404: {name: 'NotFound', description: 'No such task, comment or channel that the caller can see.'},
  409: {name: 'Conflict', description: 'The task changed since the given version (read it again and reapply the change), or a name is already taken.'},
  413: {name: 'PayloadTooLarge', description: 'baton.payload_too_large: the body is over BATON_BODY_LIMIT_BYTES (`details.allowed` says how much is accepted).'},
  422: {name: 'Unprocessable', description: 'Well-formed but not possible, e.g. a holder who is not a member of the task’s channel.'},
  429: {name: 'RateLimited', description: 'baton.rate_limited: this API token or person spent its requests for the minute; try again after the Retry-After header’s seconds.'},
  503: {name: 'NotReady', description: 'The bridge is starting up or its database is unavailable.'},
} as const;

export type ErrorStatus = keyof typeof errorResponses;

export interface OperationSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template; `{idOrKey}` and `{commentId}` are described once in openapi.ts. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  query?: z.ZodType;
  body?: RequestComponent;
  success: {
    status: 200 | 201 | 204;
    description: string;
    /** A PUT that answers 201 (same body) when it created the item: what that means. */
    created?: string;
    body?: ResponseComponent;
    /** The response carries the task version as ETag, for If-Match. */
    etag?: boolean;
    /** The response is also offered as text/csv (format=csv); what its rows are. */
    csv?: string;
    /** The response is a text/event-stream (Server-Sent Events); what its events are. */
    eventStream?: string;
  };
  errors: ErrorStatus[];
  /** Accepts If-Match: "<version>" instead of `version` in the body. */
  ifMatch?: boolean;
}

const TASK = '/api/v1/tasks/{idOrKey}';
const changesTask: ErrorStatus[] = [400, 401, 403, 404, 409, 422];

// Only operations the bridge serves (a test checks each against the router).
export const operations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/v1/tasks',
    operationId: 'listTasks',
    summary: 'List (and search) the tasks the caller can see',
    description: 'Filters combine with AND; a comma list matches any of its values. `q` searches title, description, case id and comments in any language; title hits come first. Page with `limit` and `cursor`.',
    query: taskListQuerySchema,
    success: {status: 200, description: 'One page of tasks.', body: 'TaskListPage'},
    errors: [400, 401, 404],
  },
  {
    method: 'post',
    path: '/api/v1/tasks',
    operationId: 'createTask',
    summary: 'Create a task',
    description: 'A channel task is visible to the channel’s members; without `channelId` it is personal.',
    body: 'TaskCreate',
    success: {status: 201, description: 'The created task.', body: 'Task', etag: true},
    errors: [400, 401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/api/v1/tasks/export',
    operationId: 'exportTasks',
    summary: 'Export the tasks matching the filters as CSV or JSON',
    description: 'Streamed. CSV starts with a UTF-8 byte order mark (so spreadsheets read CJK and Cyrillic text) and neutralises cells a spreadsheet would run as formulas.',
    query: taskExportQuerySchema,
    success: {status: 200, description: 'Every matching task the caller can see (text/csv for format=csv).', body: 'TaskExport'},
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: TASK,
    operationId: 'getTask',
    summary: 'Read a task',
    success: {status: 200, description: 'The task; ETag carries its version.', body: 'Task', etag: true},
    errors: [400, 401, 404],
  },
  {
    method: 'patch',
    path: TASK,
    operationId: 'patchTask',
    summary: 'Change some fields of a task',
    description: 'Name the version you read, as `version` in the body or as If-Match. Holder and status change through handoff and transition.',
    body: 'TaskPatch',
    ifMatch: true,
    success: {status: 200, description: 'The changed task.', body: 'Task', etag: true},
    errors: changesTask,
  },
  {
    method: 'post',
    path: `${TASK}/handoff`,
    operationId: 'handOffTask',
    summary: 'Pass the baton to someone',
    description: 'The new holder gets a DM with the case, the task, every deadline, the comment and buttons.',
    body: 'Handoff',
    ifMatch: true,
    success: {status: 200, description: 'The task with its new holder.', body: 'Task', etag: true},
    errors: changesTask,
  },
  {
    method: 'post',
    path: `${TASK}/transition`,
    operationId: 'transitionTask',
    summary: 'Change the status of a task',
    description: 'Moving the current step of a workflow run to `done` passes the baton to the next step’s holder (with `nextHolderId` when the template lets you choose), or completes the run.',
    body: 'Transition',
    ifMatch: true,
    success: {status: 200, description: 'The task in its new status.', body: 'Task', etag: true},
    errors: changesTask,
  },
  {
    method: 'post',
    path: `${TASK}/accept`,
    operationId: 'acceptTask',
    summary: 'Accept a task handed to you',
    description: 'For the holder: the task moves to in progress and leaves the sender’s “waiting on others” list.',
    body: 'Accept',
    ifMatch: true,
    success: {status: 200, description: 'The accepted task.', body: 'Task', etag: true},
    errors: changesTask,
  },
  {
    method: 'post',
    path: `${TASK}/decline`,
    operationId: 'declineTask',
    summary: 'Decline a task handed to you',
    description: 'For the holder, before accepting: the baton returns to whoever handed it over, who gets a DM with the reason.',
    body: 'Decline',
    ifMatch: true,
    success: {status: 200, description: 'The task, back with the sender.', body: 'Task', etag: true},
    errors: changesTask,
  },
  {
    method: 'get',
    path: `${TASK}/comments`,
    operationId: 'listComments',
    summary: 'List the comments of a task, oldest first',
    query: pageQuerySchema,
    success: {status: 200, description: 'One page of comments.', body: 'CommentPage'},
    errors: [400, 401, 404],
  },
  {
    method: 'post',
    path: `${TASK}/comments`,
    operationId: 'createComment',
    summary: 'Comment on a task',
    body: 'CommentCreate',
    success: {status: 201, description: 'The new comment.', body: 'Comment'},
    errors: [400, 401, 404],
  },
  {
    method: 'patch',
    path: `${TASK}/comments/{commentId}`,
    operationId: 'updateComment',
    summary: 'Edit a comment (its author only)',
    body: 'CommentUpdate',
    success: {status: 200, description: 'The edited comment.', body: 'Comment'},
    errors: [400, 401, 403, 404],
  },
  {
    method: 'delete',
    path: `${TASK}/comments/{commentId}`,
    operationId: 'deleteComment',
    summary: 'Delete a comment',
    description: 'Guests may delete only their own comments.',
    success: {status: 204, description: 'Deleted.'},
    errors: [400, 401, 403, 404],
  },
  {
    method: 'put',
    path: `${TASK}/watch`,
    operationId: 'watchTask',
    summary: 'Watch a task (idempotent)',
    success: {status: 204, description: 'The caller watches the task.'},
    errors: [400, 401, 404],
  },
  {
    method: 'delete',
    path: `${TASK}/watch`,
    operationId: 'unwatchTask',
    summary: 'Stop watching a task (idempotent)',
    success: {status: 204, description: 'The caller no longer watches the task.'},
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: `${TASK}/timeline`,
    operationId: 'getTaskTimeline',
    summary: 'Read the timeline of a task, oldest first',
    query: pageQuerySchema,
    success: {status: 200, description: 'One page of events.', body: 'TimelinePage'},
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: '/api/v1/channels/{channelId}/settings',
    operationId: 'getChannelSettings',
    summary: 'Read a channel’s Baton settings',
    description: 'For members of the channel.',
    success: {status: 200, description: 'The settings.', body: 'ChannelSettings'},
    errors: [400, 401, 404],
  },
  {
    method: 'patch',
    path: '/api/v1/channels/{channelId}/settings',
    operationId: 'patchChannelSettings',
    summary: 'Change a channel’s Baton settings',
    description: 'For channel admins of the channel and system admins. Changing `keyPrefix` renames the channel’s task keys; each task’s timeline records it.',
    body: 'ChannelSettingsPatch',
    success: {status: 200, description: 'The settings after the change.', body: 'ChannelSettings'},
    errors: [400, 401, 403, 404, 409],
  },
  ...intakeOperations(),
  ...workflowOperations(),
  ...meOperations(),
  ...auditOperations(),
  {
    method: 'get',
    path: '/api/v1/stream',
    operationId: 'streamChanges',
    summary: 'Live changes to the tasks the caller can see (Server-Sent Events)',
    description:
      'Stays open. Read it with fetch and `Authorization: Bearer` (EventSource cannot send the header; a token is never accepted in the URL). ' +
      'Events name what changed, never its content: refetch it through the API. A comment line arrives about every 25 s; reconnect after `retry` ms when the stream ends.',
    success: {
      status: 200,
      description: 'The event stream.',
      eventStream:
        '`task.changed` {id, key, channelId, version, kinds}: a task the caller can see changed (kinds are its timeline event kinds). ' +
        '`keys.changed` {channelId}: a channel’s (null: your personal) key prefix changed. `resync` {}: refetch what is on screen. Ignore unknown events.',
    },
    errors: [401],
  },
  ...statsOperations(),
  ...recurrenceOperations(),
  ...externalOperations(),
  ...adminOperations(),
  ...webhookOperations(),
];

function intakeOperations(): OperationSpec[] {
  const INTAKES = '/api/v1/channels/{channelId}/intakes';
  const admins = 'For channel admins of the channel and system admins, from their own session (not guests, not API tokens).';
  return [
    {
      method: 'post',
      path: INTAKES,
      operationId: 'createIntake',
      summary: 'Create a web intake: a public form address that turns submissions into tasks of the channel',
      description:
        `${admins} The answer carries the form’s path \`/intake/<token>\` (256 random bits) and, when asked for, the shared secret — both once: only their hashes are kept. ` +
        'A form POSTs JSON or application/x-www-form-urlencoded with name, email, subject (the task title), optional body and other fields (listed in the description) to it; ' +
        'the task is held by the channel’s triage holder (channel settings), who is told, and carries the submitter as `externalContact`. ' +
        'Answers: 202 (also when the honeypot field is filled: nothing is created), 400 naming the field, 403 wrong secret, 404 unknown or revoked, 413 over BATON_INTAKE_BODY_LIMIT_BYTES, 429 over BATON_INTAKE_RATE_LIMIT_PER_MINUTE per address.',
      body: 'IntakeCreate',
      success: {status: 201, description: 'The endpoint, with its path and secret (shown this once).', body: 'IntakeCreated'},
      errors: [400, 401, 403, 404],
    },
    {method: 'get', path: INTAKES, operationId: 'listIntakes', summary: 'List the channel’s web intakes (never their addresses)', description: `${admins} Newest first, revoked ones included, with their submission and spam counts.`, success: {status: 200, description: 'Every endpoint of the channel.', body: 'IntakeList'}, errors: [400, 401, 403, 404]},
    {
      method: 'delete',
      path: `${INTAKES}/{intakeId}`,
      operationId: 'revokeIntake',
      summary: 'Revoke a web intake',
      description: `${admins} Its address answers 404 at once, like one that never existed; revoking again changes nothing.`,
      success: {status: 200, description: 'The endpoint, revoked.', body: 'Intake'},
      errors: [400, 401, 403, 404],
    },
  ];
}

function externalOperations(): OperationSpec[] {
  const EXTERNAL = '/api/v1/external/{source}/tasks/{externalId}';
  return [
    {
      method: 'put',
      path: EXTERNAL,
      operationId: 'putExternalTask',
      summary: 'Create or update a task by a business system’s own reference (idempotent)',
      description:
        'For business systems (API token scope tasks:write): `source` names the system (e.g. billing), `externalId` its own id. The first request creates the task (201); ' +
        'every later one — a retry, even at the same moment — updates that same task (200) and never makes a second one. Omitted fields keep their value on update; ' +
        'a new holderId hands the task over (with the DM), a new statusId moves it, deadlines are replaced by the kinds given. The channel cannot change.',
      body: 'ExternalTaskPut',
      success: {status: 200, description: 'The task (it existed already).', created: 'The task, created by this request.', body: 'Task', etag: true},
      errors: [400, 401, 403, 404, 409, 422],
    },
    {
      method: 'get',
      path: EXTERNAL,
      operationId: 'getExternalTask',
      summary: 'Read the task of a business system’s reference',
      description: 'API token scope tasks:read. To find every task of a case, list with `GET /api/v1/tasks?caseId=…`.',
      success: {status: 200, description: 'The task.', body: 'Task', etag: true},
      errors: [400, 401, 403, 404],
    },
    {
      method: 'post',
      path: '/api/v1/runs/{runId}/steps/{position}/complete',
      operationId: 'completeWorkflowStep',
      summary: 'Complete the current step of a workflow run: the baton passes to the next step’s holder',
      description:
        'The same as moving the step’s task to done (API token scope workflows:advance): the next step’s holder gets the baton and a DM with the comment; the last step completes the run. ' +
        'Only the current step (`currentStep` of GET /api/v1/runs/{runId}, from 0) can be completed: another position gets 409 baton.conflict.step_not_current.',
      body: 'StepComplete',
      success: {status: 200, description: 'The run after the step.', body: 'WorkflowRun'},
      errors: [400, 401, 403, 404, 409, 422],
    },
  ];
}

function adminOperations(): OperationSpec[] {
  const TOKENS = '/api/v1/admin/tokens';
  const admins = 'Mattermost system admins only, from their own session (API tokens cannot manage tokens).';
  return [
    {
      method: 'post',
      path: TOKENS,
      operationId: 'createApiToken',
      summary: 'Create an API token for a business system',
      description: `${admins} The answer carries the token (\`baton_<id>_<secret>\`) once: only its hash is kept. Scopes: tasks:read, tasks:write, workflows:start, workflows:advance; channelIds limits the channels it sees and writes (null: every channel).`,
      body: 'ApiTokenCreate',
      success: {status: 201, description: 'The token, with its secret form `token` (shown this once).', body: 'ApiTokenCreated'},
      errors: [400, 401, 403, 409, 422],
    },
    {method: 'get', path: TOKENS, operationId: 'listApiTokens', summary: 'List API tokens (never their secrets)', description: `${admins} Newest first, revoked ones included, with when each was last used.`, success: {status: 200, description: 'Every token.', body: 'ApiTokenList'}, errors: [401, 403]},
    {
      method: 'delete',
      path: `${TOKENS}/{tokenId}`,
      operationId: 'revokeApiToken',
      summary: 'Revoke an API token',
      description: `${admins} It stops working at once; revoking again changes nothing.`,
      success: {status: 200, description: 'The token, revoked.', body: 'ApiToken'},
      errors: [400, 401, 403, 404],
    },
  ];
}

function webhookOperations(): OperationSpec[] {
  const WEBHOOKS = '/api/v1/webhooks';
  const who = 'Channel admins (for their channels) and system admins (for any channel, or every channel); not guests, not API tokens.';
  return [
    {
      method: 'post',
      path: WEBHOOKS,
      operationId: 'createWebhook',
      summary: 'Subscribe a URL to a channel’s (or every channel’s) task events',
      description:
        `${who} Each event is POSTed as a WebhookPayload, signed: \`X-Baton-Timestamp\` (Unix seconds) and \`X-Baton-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>\`. ` +
        'Non-2xx answers and timeouts are retried with backoff (4xx other than 408 and 429, and redirects, are not). The answer carries the secret once.',
      body: 'WebhookCreate',
      success: {status: 201, description: 'The subscription, with its signing `secret` (shown this once).', body: 'WebhookCreated'},
      errors: [400, 401, 403],
    },
    {method: 'get', path: WEBHOOKS, operationId: 'listWebhooks', summary: 'List the webhook subscriptions the caller manages', description: `${who} Newest first, with each one’s last delivery status.`, success: {status: 200, description: 'The subscriptions (never their secrets).', body: 'WebhookList'}, errors: [401, 403]},
    {
      method: 'get',
      path: `${WEBHOOKS}/{webhookId}`,
      operationId: 'getWebhook',
      summary: 'Read a webhook subscription and its recent deliveries',
      description: `${who} One the caller may not manage is not found.`,
      success: {status: 200, description: 'The subscription and its latest deliveries, newest first.', body: 'WebhookDetail'},
      errors: [400, 401, 403, 404],
    },
    {
      method: 'delete',
      path: `${WEBHOOKS}/{webhookId}`,
      operationId: 'deleteWebhook',
      summary: 'Delete a webhook subscription',
      description: `${who} Deliveries still queued are dropped; the delivery log is kept.`,
      success: {status: 204, description: 'Deleted.'},
      errors: [400, 401, 403, 404],
    },
  ];
}

function workflowOperations(): OperationSpec[] {
  const TEMPLATE = '/api/v1/workflows/{templateRef}';
  return [
    {method: 'get', path: '/api/v1/workflows', operationId: 'listWorkflowTemplates', summary: 'List the workflow templates', success: {status: 200, description: 'Every template, by name.', body: 'WorkflowTemplateList'}, errors: [401]},
    {
      method: 'post',
      path: '/api/v1/workflows',
      operationId: 'createWorkflowTemplate',
      summary: 'Create a workflow template',
      description: 'Ordered steps, each with its assignee rule (user, requester, role or chosen at handoff) and deadline rules. Not for guests.',
      body: 'WorkflowDefinition',
      success: {status: 201, description: 'The template at version 1.', body: 'WorkflowTemplate'},
      errors: [400, 401, 403, 409],
    },
    {method: 'post', path: '/api/v1/workflows/import', operationId: 'importWorkflowTemplate', summary: 'Import a template exported from Baton', body: 'WorkflowExport', success: {status: 201, description: 'The new template.', body: 'WorkflowTemplate'}, errors: [400, 401, 403, 409]},
    {method: 'get', path: TEMPLATE, operationId: 'getWorkflowTemplate', summary: 'Read a template (by id or name)', success: {status: 200, description: 'Its current version; ETag carries the version.', body: 'WorkflowTemplate'}, errors: [400, 401, 404]},
    {
      method: 'put',
      path: TEMPLATE,
      operationId: 'replaceWorkflowTemplate',
      summary: 'Edit a template: a new version',
      description: 'Runs already started keep the version they began with. Send If-Match with the version you edited to get 409 instead of overwriting someone else’s edit.',
      body: 'WorkflowDefinition',
      ifMatch: true,
      success: {status: 200, description: 'The template at its new version.', body: 'WorkflowTemplate'},
      errors: [400, 401, 403, 404, 409],
    },
    {method: 'get', path: `${TEMPLATE}/export`, operationId: 'exportWorkflowTemplate', summary: 'Export a template as a JSON file for import elsewhere', success: {status: 200, description: 'The file.', body: 'WorkflowExportFile'}, errors: [400, 401, 404]},
    {
      method: 'post',
      path: `${TEMPLATE}/runs`,
      operationId: 'startWorkflowRun',
      summary: 'Start a run on a case',
      description: 'Creates a parent task for the case and one sub-task per step; the first step’s holder gets the baton (and a DM). Every role the steps name must be filled by a member of the channel.',
      body: 'WorkflowRunStart',
      success: {status: 201, description: 'The run.', body: 'WorkflowRun'},
      errors: [400, 401, 403, 404, 422],
    },
    {method: 'get', path: '/api/v1/runs/{runId}', operationId: 'getWorkflowRun', summary: 'Read a run: its steps, holders and progress', success: {status: 200, description: 'The run.', body: 'WorkflowRun'}, errors: [400, 401, 404]},
  ];
}

function statsOperations(): OperationSpec[] {
  const period = 'Counted only over tasks and runs the caller can see (guests: their channels only). The period is `period` or `from`/`to`, read in the caller’s time zone.';
  return [
    {
      method: 'get',
      path: '/api/v1/stats/people/{userId}',
      operationId: 'getPersonStats',
      summary: 'A person’s stats: tasks and steps completed, on-time rate per deadline kind, average time holding the baton, current load',
      description: `${period} Completed means held by this person when closed (not cancelled); a holding runs from receiving the baton to passing it on or closing the task.`,
      query: statsQuerySchema,
      success: {status: 200, description: 'The figures (text/csv for format=csv).', body: 'PersonStats', csv: 'A header row and one row for the person (UTF-8 with BOM).'},
      errors: [400, 401],
    },
    {
      method: 'get',
      path: '/api/v1/stats/workflows/{templateRef}',
      operationId: 'getWorkflowStats',
      summary: 'A workflow template’s stats: run durations and, per step, durations and runs waiting there (the bottleneck)',
      description: `${period} Durations are of runs and steps completed in the period; waiting is now.`,
      query: statsQuerySchema,
      success: {status: 200, description: 'The figures (text/csv for format=csv).', body: 'WorkflowStats', csv: 'A header row, a run row, then one row per step (UTF-8 with BOM).'},
      errors: [400, 401, 404],
    },
  ];
}

function recurrenceOperations(): OperationSpec[] {
  const RECURRENCE = '/api/v1/recurrences/{recurrenceId}';
  return [
    {
      method: 'get',
      path: '/api/v1/recurrences',
      operationId: 'listRecurrences',
      summary: 'List recurring tasks and runs of the caller’s channels',
      description: 'Not for guests.',
      query: recurrenceListQuerySchema,
      success: {status: 200, description: 'Every recurrence of those channels, oldest first.', body: 'RecurrenceList'},
      errors: [400, 401, 403],
    },
    {
      method: 'post',
      path: '/api/v1/recurrences',
      operationId: 'createRecurrence',
      summary: 'Set up a recurring task or workflow run',
      description:
        'An RRULE of whole days (every Monday: FREQ=WEEKLY;BYDAY=MO; monthly on the first business day: FREQ=MONTHLY;BYMONTHDAY=1 with shift next_business_day) at a time in a zone. ' +
        'Each occurrence is created once, by the caller, as its own task or run; occurrences missed while the bridge was down are created for up to 7 days back. Not for guests.',
      body: 'RecurrenceCreate',
      success: {status: 201, description: 'The recurrence, with when its first occurrence is due.', body: 'Recurrence'},
      errors: [400, 401, 403, 422],
    },
    {method: 'get', path: RECURRENCE, operationId: 'getRecurrence', summary: 'Read a recurrence', success: {status: 200, description: 'The recurrence.', body: 'Recurrence'}, errors: [400, 401, 403, 404]},
    {
      method: 'patch',
      path: RECURRENCE,
      operationId: 'patchRecurrence',
      summary: 'Pause, resume or edit a recurrence',
      description: 'A new schedule, or resuming, starts from the next occurrence after now; occurrences missed while paused are not made up.',
      body: 'RecurrencePatch',
      success: {status: 200, description: 'The recurrence after the change.', body: 'Recurrence'},
      errors: [400, 401, 403, 404, 422],
    },
    {
      method: 'delete',
      path: RECURRENCE,
      operationId: 'deleteRecurrence',
      summary: 'Stop a recurrence for good',
      description: 'The tasks and runs it created stay.',
      success: {status: 204, description: 'Deleted.'},
      errors: [400, 401, 403, 404],
    },
  ];
}

function auditOperations(): OperationSpec[] {
  return [
    {
      method: 'get',
      path: '/api/v1/admin/audit',
      operationId: 'exportAuditLog',
      summary: 'Export the audit log of a time range as JSON or CSV',
      description:
        'For Mattermost system admins (not API tokens). Every change to Baton’s data — by a person, an API token, the scheduler or a web intake — with who, through what, when, and the thing before and after, oldest first. Streamed; CSV starts with a UTF-8 byte order mark. The log is append-only: the database refuses to change or delete an entry.',
      query: auditExportQuerySchema,
      success: {status: 200, description: 'The entries of the range (text/csv for format=csv).', body: 'AuditExport'},
      errors: [400, 401, 403],
    },
  ];
}

function meOperations(): OperationSpec[] {
  const SETTINGS = '/api/v1/me/settings';
  return [
    {
      method: 'get',
      path: SETTINGS,
      operationId: 'getMySettings',
      summary: 'Read your own settings: digest time, weekly summary, reminders',
      description: 'Everyone has settings; someone who never changed any gets the defaults (digest at 09:00 in their Mattermost time zone, weekly summary on, due soon = 3 business days).',
      success: {status: 200, description: 'Your settings.', body: 'UserSettings'},
      errors: [401],
    },
    {
      method: 'patch',
      path: SETTINGS,
      operationId: 'patchMySettings',
      summary: 'Change some of your own settings',
      description: 'Fields left out stay as they are. Digests, the weekly summary and deadline reminders arrive at `digestTime` on business days of the organisation calendar.',
      body: 'UserSettingsPatch',
      success: {status: 200, description: 'Your settings after the change.', body: 'UserSettings'},
      errors: [400, 401],
    },
    {
      method: 'get',
      path: '/api/v1/me/counters',
      operationId: 'getMyCounters',
      summary: 'Count your open tasks, the overdue ones and the handoffs waiting on others',
      description: 'Each number counts what GET /api/v1/tasks lists for you with that list’s filters, with the same visibility: mine = holderId=you&statusCategory=open; overdue = the same plus overdue=true; waiting = handedById=you&accepted=false&statusCategory=open.',
      success: {status: 200, description: 'Your counters.', body: 'MyCounters'},
      errors: [401],
    },
  ];
}
