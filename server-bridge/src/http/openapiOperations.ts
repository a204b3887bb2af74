import type {z} from 'zod';
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
  Accept: acceptSchema,
  Decline: declineSchema,
  WorkflowDefinition: workflowDefinitionSchema,
  WorkflowExport: workflowExportSchema,
  WorkflowRunStart: workflowRunStartSchema,
  RecurrenceCreate: recurrenceCreateSchema,
  RecurrencePatch: recurrencePatchSchema,
  UserSettingsPatch: userSettingsPatchSchema,
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
  CommentPage: commentPageSchema,
  TimelineEvent: timelineEventSchema,
  TimelinePage: timelinePageSchema,
  ChannelSettings: channelSettingsSchema,
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
} satisfies Record<string, z.ZodType>;

export type RequestComponent = keyof typeof requestComponents;
export type ResponseComponent = keyof typeof responseComponents;

export const errorResponses = {
  400: {name: 'BadRequest', description: 'The request breaks the contract; `message` and `details.issues` say what is allowed.'},
  401: {name: 'Unauthorized', description: 'No valid bridge session; `details.reason` is missing, malformed, expired, bad_signature or deactivated (the Mattermost account was deactivated).'},
  403: {name: 'Forbidden', description: 'The caller may see the task but not do this (e.g. a guest editing someone else’s task).'},
  404: {name: 'NotFound', description: 'No such task, comment or channel that the caller can see.'},
  409: {name: 'Conflict', description: 'The task changed since the given version (read it again and reapply the change), or a name is already taken.'},
  422: {name: 'Unprocessable', description: 'Well-formed but not possible, e.g. a holder who is not a member of the task’s channel.'},
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
  ...workflowOperations(),
  ...meOperations(),
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
];

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
